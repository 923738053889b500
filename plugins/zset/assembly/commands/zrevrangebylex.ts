// ZREVRANGEBYLEX key max min [LIMIT offset count]
import { zrange, BY_LEX, DIR_REVERSE } from "../zrange";

export function run(argc: i32, argv: usize): void { zrange(argc, argv, 1, false, BY_LEX, DIR_REVERSE); }
