// The operations commands use on a value, whatever its representation.

import { cacheValid, cachedCard, encodingOf, ENC_DENSE, HDR_SIZE, invalidateCache, setCachedCard } from "./layout";
import { denseHistogram, denseMaxInto, denseSet } from "./dense";
import { clearHistogram, estimate } from "./histogram";
import { patternOf } from "./murmur";
import { sparseHistogram, sparseMaxInto, sparseToRegisters } from "./sparse-read";
import { NEEDS_DENSE, sparseSet } from "./sparse-set";
import { denseBlockFrom, hllData, hllLen, installDense } from "./value";

export function isDense(v: usize): bool { return encodingOf(hllData(v)) == ENC_DENSE; }

/** Promotes a sparse value in place (the handle stays the same); the cached count carries over. */
export function hllToDense(v: usize): void {
  if (isDense(v)) return;
  const data = denseBlockFrom(v);
  sparseToRegisters(hllData(v) + HDR_SIZE, hllLen(v) - HDR_SIZE, data + HDR_SIZE);
  installDense(v, data);
}

/** Raises register `index` to `count`; true if it changed. The caller invalidates the cached count. */
export function hllSet(v: usize, index: i32, count: u32): bool {
  if (!isDense(v)) {
    const r = sparseSet(v, index, count);
    if (r != NEEDS_DENSE) return r == 1;
    hllToDense(v);
  }
  return denseSet(hllData(v) + HDR_SIZE, index, count);
}

/** Adds one element; true if a register changed (PFADD's "updated"). */
export function hllAdd(v: usize, ele: usize, len: i32): bool {
  const pattern = patternOf(ele, len);
  return hllSet(v, pattern >> 8, <u32>(pattern & 0xff));
}

export function hllInvalidate(v: usize): void { invalidateCache(hllData(v)); }

/** The estimate, served from and stored into the header cache as Redis's PFCOUNT does. */
/** Whether hllCount would answer from the cached cardinality, leaving the value as it is. */
export function hllCountCached(v: usize): bool { return cacheValid(hllData(v)); }

export function hllCount(v: usize): i64 {
  const data = hllData(v);
  if (cacheValid(data)) return cachedCard(data);
  clearHistogram();
  if (isDense(v)) denseHistogram(data + HDR_SIZE);
  else sparseHistogram(data + HDR_SIZE, hllLen(v) - HDR_SIZE);
  const card = estimate();
  setCachedCard(data, card);
  return card;
}

/** max[i] = MAX(max[i], register i of v). */
export function hllMaxInto(v: usize, max: usize): void {
  const data = hllData(v);
  if (isDense(v)) denseMaxInto(data + HDR_SIZE, max);
  else sparseMaxInto(data + HDR_SIZE, hllLen(v) - HDR_SIZE, max);
}
