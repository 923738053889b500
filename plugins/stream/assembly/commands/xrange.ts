// XRANGE key start end [COUNT count]
import { rangeCommand } from "../range-command";

export function run(argc: i32, argv: usize): void { rangeCommand(argc, argv, false); }
