// Raising one register of a sparse HLL in place: Redis's hllSparseSet step by step (find the opcode,
// split it, splice the new sequence in, merge equal neighbours), because the resulting byte length
// decides when the value turns dense and we want that to happen exactly when Redis's does.

import { HDR_SIZE, sparseMaxBytes } from "./layout";
import {
  isVal, isXzero, isZero, putZeros, valLen, valOp, valValue, xzeroLen, zeroLen, VAL_MAX_LEN, VAL_MAX_VALUE,
} from "./sparse-opcodes";
import { hllData, hllLen, hllReserve, setHllLen } from "./value";

/** sparseSet's answer when the value must become dense first (then set the register there). */
export const NEEDS_DENSE: i32 = -1;

/** Splitting one opcode yields at most XZERO-VAL-XZERO: 5 bytes. */
const SEQ: usize = memory.data(8);

/** Raises register `index` of sparse value v to `count`: 1 if raised, 0 if already >= count, or NEEDS_DENSE. */
export function sparseSet(v: usize, index: i32, count: u32): i32 {
  if (count > VAL_MAX_VALUE) return NEEDS_DENSE;
  // The splice below grows the opcodes by up to 3 bytes; reserving first keeps every pointer valid.
  hllReserve(v, 3);
  const sparse = hllData(v) + HDR_SIZE;
  let end = hllData(v) + <usize>hllLen(v);

  // Find the opcode covering `index`: p, the register it starts at (first), its run (span).
  let p = sparse;
  let prev: usize = 0;
  let first = 0;
  let span = 0;
  while (p < end) {
    const op = <u32>load<u8>(p);
    let oplen: usize = 1;
    if (isZero(op)) span = zeroLen(op);
    else if (isVal(op)) span = valLen(op);
    else {
      span = xzeroLen(p);
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  assert(span != 0 && p < end, "corrupted HyperLogLog");
  const op = <u32>load<u8>(p);
  const oldLen: i32 = isXzero(op) ? 2 : 1;
  const next = p + <usize>oldLen;
  const mergeFrom = prev != 0 ? prev : sparse;

  // A register already high enough, or a run of one register: rewrite that byte, nothing moves.
  if (isVal(op)) {
    if (valValue(op) >= count) return 0;
    if (span == 1) {
      store<u8>(p, valOp(count, 1));
      mergeNeighbours(v, mergeFrom, end);
      return 1;
    }
  } else if (isZero(op) && span == 1) {
    store<u8>(p, valOp(count, 1));
    mergeNeighbours(v, mergeFrom, end);
    return 1;
  }

  // Otherwise split the run around `index` into up to three opcodes.
  const last = first + span - 1;
  let n = SEQ;
  if (isVal(op)) {
    const cur = valValue(op);
    if (index != first) store<u8>(n++, valOp(cur, index - first));
    store<u8>(n++, valOp(count, 1));
    if (index != last) store<u8>(n++, valOp(cur, last - index));
  } else {
    if (index != first) n = putZeros(n, index - first);
    store<u8>(n++, valOp(count, 1));
    if (index != last) n = putZeros(n, last - index);
  }
  const seqLen = <i32>(n - SEQ);
  const delta = seqLen - oldLen;
  if (delta > 0 && <i64>hllLen(v) + delta > sparseMaxBytes()) return NEEDS_DENSE;
  if (delta != 0 && next < end) memory.copy(next + <usize>delta, next, end - next);
  setHllLen(v, hllLen(v) + delta);
  memory.copy(p, SEQ, <usize>seqLen);
  end += <usize>delta;
  mergeNeighbours(v, mergeFrom, end);
  return 1;
}

/**
 * Redis's step 4: looking at up to 5 opcodes from the one before the change, fold adjacent VAL
 * opcodes of equal value into one while the run fits (max 4 registers).
 */
function mergeNeighbours(v: usize, from: usize, end: usize): void {
  let p = from;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const op = <u32>load<u8>(p);
    if (isXzero(op)) {
      p += 2;
      continue;
    }
    if (isZero(op)) {
      p++;
      continue;
    }
    if (p + 1 < end) {
      const nextOp = <u32>load<u8>(p, 1);
      if (isVal(nextOp) && valValue(op) == valValue(nextOp)) {
        const len = valLen(op) + valLen(nextOp);
        if (len <= VAL_MAX_LEN) {
          store<u8>(p, valOp(valValue(op), len), 1);
          memory.copy(p, p + 1, end - p - 1);
          setHllLen(v, hllLen(v) - 1);
          end--;
          continue;
        }
      }
    }
    p++;
  }
}
