// A start/stop pair of ranks (ZRANGE, ZREMRANGEBYRANK): negative ones count from the end, and the
// result is clamped to the set.

/** The selected ranks: `ranksCount` (0 when none) from `ranksFirst`. */
export let ranksFirst: i32 = 0;
export let ranksCount: i32 = 0;

export function selectRanks(card: i32, start: i64, end: i64): void {
  if (start < 0) start += card;
  if (end < 0) end += card;
  if (start < 0) start = 0;
  ranksFirst = 0;
  ranksCount = 0;
  if (start > end || start >= <i64>card) return;
  if (end >= <i64>card) end = card - 1;
  ranksFirst = <i32>start;
  ranksCount = <i32>(end - start + 1);
}
