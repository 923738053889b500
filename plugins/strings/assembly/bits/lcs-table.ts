// The dynamic-programming table behind LCS and the walk back through it, ported from Redis's lcsCommand
// so that ties resolve the same way and the same match ranges come out.

import { replyArray, replyInt } from "ferrite-sdk";

/** Bytes of the (alen+1) x (blen+1) table of u32 lengths. */
export function lcsTableBytes(alen: i32, blen: i32): u64 {
  return (<u64>alen + 1) * (<u64>blen + 1) * 4;
}

// @ts-ignore: decorator
@inline function cell(table: usize, blen: i32, i: i32, j: i32): usize {
  return table + ((<usize>i * (<usize>blen + 1) + <usize>j) << 2);
}

/** Fills `table` (lcsTableBytes long) with LCS lengths of every prefix pair; returns the LCS length. */
export function fillLcsTable(table: usize, a: usize, alen: i32, b: usize, blen: i32): u32 {
  const rowBytes = (<usize>blen + 1) << 2;
  memory.fill(table, 0, rowBytes);
  for (let i = 1; i <= alen; i++) {
    const row = table + <usize>i * rowBytes;
    const above = row - rowBytes;
    store<u32>(row, 0);
    const ai = load<u8>(a + i - 1);
    for (let j: usize = 1; j <= <usize>blen; j++) {
      const value = ai == load<u8>(b + j - 1)
        ? load<u32>(above + ((j - 1) << 2)) + 1
        : max(load<u32>(above + (j << 2)), load<u32>(row + ((j - 1) << 2)));
      store<u32>(row + (j << 2), value);
    }
  }
  return load<u32>(cell(table, blen, alen, blen));
}

/**
 * Walks back from the end. Writes the LCS itself at `out` when it is not 0; replies each match range of
 * at least `minMatchLen` bytes when `emit` (as [[a0, a1], [b0, b1]] or with the length appended), and
 * returns how many there are, so a first pass can size the reply array.
 */
export function walkLcs(
  table: usize, a: usize, alen: i32, b: usize, blen: i32, out: usize, emit: bool, minMatchLen: i64, withMatchLen: bool,
): i32 {
  let i = alen, j = blen;
  let idx = <i32>load<u32>(cell(table, blen, alen, blen));
  // aStart == alen means no range is open.
  let aStart = alen, aEnd = 0, bStart = 0, bEnd = 0;
  let ranges = 0;
  while (i > 0 && j > 0) {
    let close = false;
    if (load<u8>(a + i - 1) == load<u8>(b + j - 1)) {
      if (out != 0) store<u8>(out + idx - 1, load<u8>(a + i - 1));
      if (aStart == alen) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart == i && bStart == j) {
        aStart--;
        bStart--;
      } else {
        close = true;
      }
      // A range touching the start of either string cannot grow further.
      if (aStart == 0 || bStart == 0) close = true;
      idx--; i--; j--;
    } else {
      if (load<u32>(cell(table, blen, i - 1, j)) > load<u32>(cell(table, blen, i, j - 1))) i--;
      else j--;
      if (aStart != alen) close = true;
    }
    if (close) {
      const matchLen = aEnd - aStart + 1;
      if (minMatchLen == 0 || <i64>matchLen >= minMatchLen) {
        if (emit) replyRange(aStart, aEnd, bStart, bEnd, withMatchLen ? matchLen : -1);
        ranges++;
      }
      aStart = alen;
    }
  }
  return ranges;
}

function replyRange(aStart: i32, aEnd: i32, bStart: i32, bEnd: i32, matchLen: i32): void {
  replyArray(matchLen < 0 ? 2 : 3);
  replyArray(2);
  replyInt(aStart);
  replyInt(aEnd);
  replyArray(2);
  replyInt(bStart);
  replyInt(bEnd);
  if (matchLen >= 0) replyInt(matchLen);
}
