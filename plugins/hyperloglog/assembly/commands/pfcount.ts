// PFCOUNT key [key ...]
import { replyInt, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { hllCount, hllCountCached } from "../hll";
import { findHll } from "../hll-key";
import { clearHistogram, estimate, rawHistogram } from "../histogram";
import { MAX_REGISTERS, unionOfKeys } from "../union";

export function run(argc: i32, argv: usize): void {
  if (argc == 2) {
    const h = findHll(argv, 1);
    if (h == WRONGTYPE) return;
    if (h == MISSING) { replyInt(0); return; }
    // Refreshing the cached cardinality changes the value: a write, as Redis signals it (WATCH, AOF).
    if (!hllCountCached(<usize>h)) findHll(argv, 1, FIND_WRITE);
    replyInt(hllCount(<usize>h));
    return;
  }
  // Several keys: estimate their union without touching any of them.
  if (!unionOfKeys(argc, argv)) return;
  clearHistogram();
  rawHistogram(MAX_REGISTERS);
  replyInt(estimate());
}
