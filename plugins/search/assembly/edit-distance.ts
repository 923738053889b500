// Levenshtein distance between a pattern and a candidate, bounded: FT.SUGGET FUZZY compares a prefix
// with the start of each suggestion (case folded), FT.SPELLCHECK a word with whole terms. Two rolling
// rows of the table, over the pattern, in one reused block.

let rows: usize = 0;
let rowsCap: i32 = 0;

// @ts-ignore: decorator
@inline function folded(c: u32, fold: bool): u32 { return fold && c >= 65 && c <= 90 ? c + 32 : c; }

/**
 * The distance from the pattern to the candidate (with `prefix`, to the nearest start of it), or
 * limit + 1 as soon as it must exceed `limit`.
 */
export function editDistance(pattern: usize, plen: i32, cand: usize, clen: i32, limit: i32, prefix: bool, fold: bool): i32 {
  if (!prefix && abs(plen - clen) > limit) return limit + 1;
  const need = (plen + 1) * 8;
  if (need > rowsCap) {
    if (rows != 0) heap.free(rows);
    rowsCap = need * 2;
    rows = heap.alloc(<usize>rowsCap);
  }
  let prev = rows, cur = rows + <usize>((plen + 1) * 4);
  for (let i = 0; i <= plen; i++) store<i32>(prev + <usize>(i * 4), i);
  let best = plen; // a prefix match may stop before the candidate's first char
  for (let j = 1; j <= clen; j++) {
    store<i32>(cur, j);
    let rowMin = j;
    const c = folded(load<u8>(cand + <usize>(j - 1)), fold);
    for (let i = 1; i <= plen; i++) {
      const cost = folded(load<u8>(pattern + <usize>(i - 1)), fold) == c ? 0 : 1;
      const v = min(min(load<i32>(prev + <usize>((i - 1) * 4)) + cost, load<i32>(prev + <usize>(i * 4)) + 1), load<i32>(cur + <usize>((i - 1) * 4)) + 1);
      store<i32>(cur + <usize>(i * 4), v);
      rowMin = min(rowMin, v);
    }
    best = min(best, load<i32>(cur + <usize>(plen * 4)));
    if (rowMin > limit) { // every later cell is farther still
      if (!prefix) return limit + 1;
      break;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prefix ? best : load<i32>(prev + <usize>(plen * 4));
  return d > limit ? limit + 1 : d;
}
