// CMS.MERGE destination numKeys source [source ...] [WEIGHTS weight [weight ...]]: the destination's
// counters become the weighted sums of the sources' (the destination may be one of them).
import { argLen, argPtr, parseI64, parsedI64, replyError, FIND_WRITE } from "ferrite-sdk";
import { argIndex } from "../arg-index";
import { ERR_CMS_NOT_FOUND } from "../cms/errors";
import { mergeSketches } from "../cms/merge";
import { findValue } from "../find-value";
import { CMS_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const dest = findValue(argv, 1, CMS_TYPE, ERR_CMS_NOT_FOUND, FIND_WRITE);
  if (dest == 0) return;
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("CMS: invalid numkeys"); return; }
  const n = parsedI64;
  if (n <= 0) { replyError("CMS: Number of keys must be positive"); return; }
  // RedisBloom counts from the first source: WEIGHTS must follow exactly n sources and carry n weights.
  const rest = <i64>(argc - 3);
  const weights = argIndex(argc, argv, 3, "WEIGHTS");
  if (weights < 0) {
    if (n != rest) { replyError("CMS: wrong number of keys"); return; }
  } else if (<i64>(weights - 3) != n || rest != 1 + n * 2) {
    replyError("CMS: wrong number of keys/weights");
    return;
  }
  mergeSketches(argv, dest, <i32>n, weights < 0 ? 0 : weights + 1);
}
