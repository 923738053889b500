// ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]
import { zrange, BY_AUTO, DIR_AUTO } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 1, false, BY_AUTO, DIR_AUTO); }
