// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]
import { zrange, BY_SCORE, DIR_REVERSE } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 1, false, BY_SCORE, DIR_REVERSE); }
