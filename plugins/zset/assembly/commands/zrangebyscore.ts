// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]
import { zrange, BY_SCORE, DIR_FORWARD } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 1, false, BY_SCORE, DIR_FORWARD); }
