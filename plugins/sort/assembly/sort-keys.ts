// What each element sorts by (Redis loads it into the vector before sorting): the element itself or
// the value its BY pattern finds, as a number, or as bytes for ALPHA with BY.
import { argLen, argPtr } from "ferrite-sdk";
import { alpha, byArg } from "./options";
import { foundLen, foundPtr, lookup } from "./pattern";
import { parsedScore, toScore } from "./score";
import { BYTES, copyInto } from "./scratch";
import { elemLen, elemPtr, setCmp, setScore, size } from "./vector";

/** False when a value is not a number for a numeric sort (the sort then fails as a whole). */
export function loadSortKeys(argv: usize): bool {
  const by = byArg >= 0;
  if (alpha && !by) return true; // the elements compare as they are
  const pat = by ? argPtr(argv, byArg) : 0, patLen = by ? argLen(argv, byArg) : 0;
  let used: usize = 0;
  for (let i = 0; i < size; i++) {
    let ptr = elemPtr(i), len = elemLen(i);
    if (by) {
      if (!lookup(pat, patLen, ptr, len)) continue; // nothing found: score 0, or first for ALPHA
      ptr = foundPtr;
      len = foundLen;
    }
    if (alpha) {
      // The value is in the call reply buffer, which the next lookup reuses.
      copyInto(BYTES, used, ptr, len);
      setCmp(i, <u32>used, len);
      used += <usize>len;
    } else {
      if (!toScore(ptr, len)) return false;
      setScore(i, parsedScore);
    }
  }
  return true;
}
