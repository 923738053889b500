// TS.RANGE key from to [LATEST] [FILTER_BY_TS ts...] [FILTER_BY_VALUE min max] [COUNT n] [ALIGN a] [AGGREGATION agg bucket [BUCKETTIMESTAMP bt] [EMPTY]]
import { runRange } from "../range-command";

export function run(argc: i32, argv: usize): void { runRange(argc, argv, false); }
