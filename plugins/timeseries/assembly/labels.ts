// A series's labels: one block, `u32 count` then per label `u32 len, name, u32 len, value`. The index
// keeps a copy of the same block per key, so a query filters without opening any series.
import { argLen, argPtr, bytesEqual, protocol, replyArray, replyBulk, replyMap, replyNull } from "ferrite-sdk";

// @ts-ignore: decorator
@inline export function labelCount(blob: usize): i32 { return blob ? <i32>load<u32>(blob) : 0; }
// @ts-ignore: decorator
@inline export function firstLabel(blob: usize): usize { return blob + 4; }
// @ts-ignore: decorator
@inline export function nameLen(at: usize): i32 { return <i32>load<u32>(at); }
// @ts-ignore: decorator
@inline export function namePtr(at: usize): usize { return at + 4; }
// @ts-ignore: decorator
@inline export function valueLen(at: usize): i32 { return <i32>load<u32>(at + 4 + <usize>nameLen(at)); }
// @ts-ignore: decorator
@inline export function valuePtr(at: usize): usize { return at + 8 + <usize>nameLen(at); }
// @ts-ignore: decorator
@inline export function nextLabel(at: usize): usize { return valuePtr(at) + <usize>valueLen(at); }

/** Bytes of a blob. */
export function labelsSize(blob: usize): i32 {
  if (!blob) return 0;
  let at = firstLabel(blob);
  for (let i = labelCount(blob); i > 0; i--) at = nextLabel(at);
  return <i32>(at - blob);
}

/** Whether len bytes at blob are one well-formed labels block (a saved one is checked before use). */
export function labelsValid(blob: usize, len: i32): bool {
  if (len < 4) return false;
  const end = <u64>blob + <u64>len; // sums in 64 bits: a saved length near 2^32 must not wrap
  let at = firstLabel(blob);
  for (let i = labelCount(blob); i > 0; i--) {
    if (<u64>at + 8 > end || <u64>at + 8 + <u64>nameLen(at) > end) return false;
    if (<u64>valuePtr(at) + <u64>valueLen(at) > end) return false;
    at = nextLabel(at);
  }
  return <u64>at == end;
}

/**
 * The labels in arguments from..from+2n-1 (LABELS's pairs; an odd last one is ignored, as in
 * RedisTimeSeries) as a new block in `labelsBlock`/`labelsBlockLen` (0 when there are none); false when
 * a name or value is empty or a value holds one of `(),`, which filters could not express.
 */
export let labelsBlock: usize = 0;
export let labelsBlockLen: i32 = 0;
export function labelsFromArgs(argv: usize, from: i32, argc: i32): bool {
  const n = (argc - from) >> 1;
  labelsBlock = 0;
  labelsBlockLen = 0;
  if (n <= 0) return true;
  let size = 4;
  for (let i = 0; i < n; i++) {
    const k = from + 2 * i;
    if (argLen(argv, k) == 0 || argLen(argv, k + 1) == 0 || hasFilterChar(argPtr(argv, k + 1), argLen(argv, k + 1))) return false;
    size += 8 + argLen(argv, k) + argLen(argv, k + 1);
  }
  const blob = heap.alloc(<usize>size);
  store<u32>(blob, <u32>n);
  let at = blob + 4;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 2; j++) {
      const len = argLen(argv, from + 2 * i + j);
      store<u32>(at, <u32>len);
      memory.copy(at + 4, argPtr(argv, from + 2 * i + j), <usize>len);
      at += 4 + <usize>len;
    }
  }
  labelsBlock = blob;
  labelsBlockLen = size;
  return true;
}

function hasFilterChar(ptr: usize, len: i32): bool {
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + i);
    if (c == 40 || c == 41 || c == 44) return true;
  }
  return false;
}

/** The label named so, or 0. */
export function findLabel(blob: usize, name: usize, len: i32): usize {
  let at = firstLabel(blob);
  for (let i = labelCount(blob); i > 0; i--) {
    if (bytesEqual(namePtr(at), nameLen(at), name, len)) return at;
    at = nextLabel(at);
  }
  return 0;
}

/** Labels as RedisTimeSeries replies them: an array of [name, value] pairs, a map in RESP3. */
export function replyLabels(blob: usize): void {
  const n = labelCount(blob);
  const resp3 = protocol() == 3;
  if (resp3) replyMap(n); else replyArray(n);
  let at = firstLabel(blob);
  for (let i = 0; i < n; i++) {
    if (!resp3) replyArray(2);
    replyBulk(namePtr(at), nameLen(at));
    replyBulk(valuePtr(at), valueLen(at));
    at = nextLabel(at);
  }
}

/** SELECTED_LABELS: each named label (arguments from..from+n-1) with its value or null, names compared case-insensitively. */
export function replySelectedLabels(blob: usize, argv: usize, from: i32, n: i32): void {
  const resp3 = protocol() == 3;
  if (resp3) replyMap(n); else replyArray(n);
  for (let i = 0; i < n; i++) {
    const name = argPtr(argv, from + i), len = argLen(argv, from + i);
    if (!resp3) replyArray(2);
    let at = firstLabel(blob), found: usize = 0;
    for (let k = labelCount(blob); k > 0 && !found; k--) {
      if (nameLen(at) == len && bytesEqualIgnoreCaseBytes(namePtr(at), name, len)) found = at;
      else at = nextLabel(at);
    }
    if (found) {
      replyBulk(namePtr(found), nameLen(found));
      replyBulk(valuePtr(found), valueLen(found));
    } else {
      replyBulk(name, len);
      replyNull();
    }
  }
}

function bytesEqualIgnoreCaseBytes(a: usize, b: usize, len: i32): bool {
  for (let i = 0; i < len; i++) {
    let x = <u32>load<u8>(a + i), y = <u32>load<u8>(b + i);
    if (x - 65 < 26) x += 32;
    if (y - 65 < 26) y += 32;
    if (x != y) return false;
  }
  return true;
}
