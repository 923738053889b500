// TS.MREVRANGE: TS.MRANGE's results, newest first.
import { runMRange } from "../mrange-command";

export function run(argc: i32, argv: usize): void { runMRange(argc, argv, true); }
