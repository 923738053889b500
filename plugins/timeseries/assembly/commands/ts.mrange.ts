// TS.MRANGE from to [range options] [WITHLABELS | SELECTED_LABELS label...] FILTER filter... [GROUPBY label REDUCE reducer]
import { runMRange } from "../mrange-command";

export function run(argc: i32, argv: usize): void { runMRange(argc, argv, false); }
