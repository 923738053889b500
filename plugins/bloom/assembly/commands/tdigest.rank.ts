// TDIGEST.RANK key value [value ...]
import { replyRanks } from "../tdigest/rank";

export function run(argc: i32, argv: usize): void { replyRanks(argc, argv, false); }
