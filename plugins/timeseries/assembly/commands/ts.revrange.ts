// TS.REVRANGE key from to [options as TS.RANGE]: the same results, newest first.
import { runRange } from "../range-command";

export function run(argc: i32, argv: usize): void { runRange(argc, argv, true); }
