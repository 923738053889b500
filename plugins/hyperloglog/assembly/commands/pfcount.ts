// PFCOUNT key [key ...]
import { replyInt, MISSING, WRONGTYPE } from "ferrite-sdk";
import { hllCount } from "../hll";
import { findHll } from "../hll-key";
import { clearHistogram, estimate, rawHistogram } from "../histogram";
import { MAX_REGISTERS, unionOfKeys } from "../union";

export function run(argc: i32, argv: usize): void {
  if (argc == 2) {
    const h = findHll(argv, 1);
    if (h == WRONGTYPE) return;
    replyInt(h == MISSING ? 0 : hllCount(<usize>h));
    return;
  }
  // Several keys: estimate their union without touching any of them.
  if (!unionOfKeys(argc, argv)) return;
  clearHistogram();
  rawHistogram(MAX_REGISTERS);
  replyInt(estimate());
}
