// BZPOPMAX key [key ...] timeout
import { blockingZpop } from "../zpop";

export function run(argc: i32, argv: usize): void { blockingZpop(argc, argv, true); }
