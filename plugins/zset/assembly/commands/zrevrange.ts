// ZREVRANGE key start stop [WITHSCORES]
import { zrange, BY_RANK, DIR_REVERSE } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 1, false, BY_RANK, DIR_REVERSE); }
