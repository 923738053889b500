// LRANGE / LTRIM index arithmetic (Redis's): negative indexes count from the tail, then the range is
// clipped to the list. Leaves the first index and the element count in rangeStart / rangeCount.

export let rangeStart: i32 = 0;
export let rangeCount: i32 = 0;

export function clipRange(start: i64, stop: i64, len: i32): void {
  if (start < 0) start += len;
  if (stop < 0) stop += len;
  if (start < 0) start = 0;
  if (stop >= <i64>len) stop = <i64>len - 1;
  rangeStart = <i32>min<i64>(start, len);
  rangeCount = start > stop ? 0 : <i32>(stop - start + 1);
}

/** LINDEX / LSET's index: negative counts from the tail; -1 when outside the list. */
export function elementIndex(index: i64, len: i32): i32 {
  if (index < 0) index += len;
  return index < 0 || index >= <i64>len ? -1 : <i32>index;
}
