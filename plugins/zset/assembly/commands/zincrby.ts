// ZINCRBY key increment member: ZADD INCR without options.
import { ADD_INCR, zadd } from "../add";

export function run(argc: i32, argv: usize): void { zadd(argc, argv, 2, ADD_INCR); }
