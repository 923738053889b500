// TDIGEST.BYRANK key rank [rank ...]
import { replyByRanks } from "../tdigest/by-rank";

export function run(argc: i32, argv: usize): void { replyByRanks(argc, argv, false); }
