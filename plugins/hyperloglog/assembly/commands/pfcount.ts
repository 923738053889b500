// PFCOUNT key [key ...]
import { replyInt, MISSING, WRONGTYPE } from "ferrite-sdk";
import { hllCount, hllCountCached } from "../hll";
import { loadHll, storeHll } from "../hll-key";
import { clearHistogram, estimate, rawHistogram } from "../histogram";
import { MAX_REGISTERS, unionOfKeys } from "../union";
import { hllFree } from "../value";

export function run(argc: i32, argv: usize): void {
  if (argc == 2) {
    const h = loadHll(argv, 1, true);
    if (h == WRONGTYPE) return;
    if (h == MISSING) { replyInt(0); return; }
    const v = <usize>h;
    const cached = hllCountCached(v);
    const card = hllCount(v);
    // The refreshed cached cardinality is written back into the string, as Redis does (a write).
    if (!cached) storeHll(argv, 1, v, false);
    hllFree(v);
    replyInt(card);
    return;
  }
  // Several keys: estimate their union without touching any of them.
  if (!unionOfKeys(argc, argv)) return;
  clearHistogram();
  rawHistogram(MAX_REGISTERS);
  replyInt(estimate());
}
