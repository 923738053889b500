// CMS_Merge with RedisBloom's checks, in its order: each source's weight and key, equal dimensions,
// then no weighted sum (of a counter or of the totals) outside 0..2^32-1 resp. 0..2^63-1.
import { argLen, argPtr, parseI64, parsedI64, replyError, replyOk } from "ferrite-sdk";
import { findValue } from "../find-value";
import { CMS_TYPE } from "../type-ids";
import { ERR_CMS_NOT_FOUND } from "./errors";
import { CELL_MAX, SKETCH_HEADER, setSketchCount, sketchCount, sketchDepth, sketchWidth } from "./sketch";

/** Merges the n sources named from argument 3 into dest, with the weights from argument weightsAt (0: all 1). */
export function mergeSketches(argv: usize, dest: usize, n: i32, weightsAt: i32): void {
  const sources = heap.alloc(<usize>n * 16); // (sketch pointer, weight) pairs
  const ok = collect(argv, dest, n, weightsAt, sources) && !overflows(dest, n, sources);
  if (ok) {
    apply(dest, n, sources);
    replyOk();
  }
  heap.free(sources);
}

function source(sources: usize, k: i32): usize { return <usize>load<u64>(sources + <usize>k * 16); }
function weight(sources: usize, k: i32): i64 { return load<i64>(sources + <usize>k * 16 + 8); }

function collect(argv: usize, dest: usize, n: i32, weightsAt: i32, sources: usize): bool {
  for (let k = 0; k < n; k++) {
    let w: i64 = 1;
    if (weightsAt > 0) {
      if (!parseI64(argPtr(argv, weightsAt + k), argLen(argv, weightsAt + k))) { replyError("CMS: invalid weight value"); return false; }
      w = parsedI64;
    }
    const s = findValue(argv, 3 + k, CMS_TYPE, ERR_CMS_NOT_FOUND);
    if (s == 0) return false;
    if (sketchWidth(s) != sketchWidth(dest) || sketchDepth(s) != sketchDepth(dest)) { replyError("CMS: width/depth is not equal"); return false; }
    store<u64>(sources + <usize>k * 16, s);
    store<i64>(sources + <usize>k * 16 + 8, w);
  }
  return true;
}

/** acc += a × w; false when that overflows an i64 (RedisBloom's __builtin_mul/add_overflow). */
let acc: i64 = 0;
function accumulate(a: i64, w: i64): bool {
  const product = a * w; // a >= 0 here, so product / w cannot trap on i64.MIN / -1
  if (w != 0 && product / w != a) return false;
  const next = acc + product;
  if (((acc ^ next) & (product ^ next)) < 0) return false;
  acc = next;
  return true;
}

function overflows(dest: usize, n: i32, sources: usize): bool {
  const cells = <usize>(sketchWidth(dest) * sketchDepth(dest));
  for (let c: usize = 0; c < cells; c++) {
    acc = 0;
    for (let k = 0; k < n; k++) if (!accumulate(<i64>load<u32>(source(sources, k) + SKETCH_HEADER + c * 4), weight(sources, k))) return fail();
    if (acc < 0 || <u64>acc > CELL_MAX) return fail();
  }
  acc = 0;
  for (let k = 0; k < n; k++) if (!accumulate(<i64>sketchCount(source(sources, k)), weight(sources, k))) return fail();
  return acc < 0 ? fail() : false;
}

function fail(): bool {
  replyError("CMS: MERGE overflow");
  return true;
}

function apply(dest: usize, n: i32, sources: usize): void {
  const cells = <usize>(sketchWidth(dest) * sketchDepth(dest));
  for (let c: usize = 0; c < cells; c++) {
    let sum: i64 = 0;
    for (let k = 0; k < n; k++) sum += <i64>load<u32>(source(sources, k) + SKETCH_HEADER + c * 4) * weight(sources, k);
    store<u32>(dest + SKETCH_HEADER + c * 4, <u32>sum);
  }
  let total: i64 = 0;
  for (let k = 0; k < n; k++) total += <i64>sketchCount(source(sources, k)) * weight(sources, k);
  setSketchCount(dest, <u64>total);
}
