// ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
import { zrange, BY_AUTO, DIR_AUTO } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 2, true, BY_AUTO, DIR_AUTO); }
