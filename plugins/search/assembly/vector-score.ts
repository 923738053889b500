// The distance a vector query yields, as FT.SEARCH returns it: results nearest first (unless SORTBY),
// and each document's distance as a field named by the KNN's `AS name`, or `__<field>_score`, before
// the document's own fields, printed as RediSearch prints numbers ("%lld" when integral, else "%.12g").
// The state is this command's: runSearch resets it, vectorQuery sets it.
import { bytesEqual, formatNumberRediSearch, replyBulk } from "ferrite-sdk";
import { strLen, strPtr } from "./bytes";
import { QueryNode } from "./query/node";
import { Field } from "./schema";

let scored: QueryNode | null = null;
const name = memory.data(256);
const number = memory.data(32);

/** A new FT.SEARCH: no vector query has run yet. */
export function vectorScoreReset(): void {
  scored = null;
}

/** A vector query ran: its results are ordered by distance and carry it as a field. */
export function vectorScoreSet(n: QueryNode): void {
  scored = n;
}

/** Whether this command's scores are vector distances (lower first). */
export function vectorScored(): bool {
  return scored != null;
}

/** The field pairs the score adds to each document (0 or 1). */
export function vectorScorePairs(): i32 {
  return scored == null ? 0 : 1;
}

/** Writes the score's field name into `name`; returns its length. */
function scoreName(): i32 {
  const n = changetype<QueryNode>(scored);
  if (n.alias != 0) {
    const len = min(n.aliasLen, 256);
    memory.copy(name, n.alias, <usize>len);
    return len;
  }
  const f = changetype<Field>(n.field);
  const len = min(strLen(f.name), 240);
  const suffix = "_score";
  store<u16>(name, 0x5f5f); // "__"
  memory.copy(name + 2, strPtr(f.name), <usize>len);
  for (let i = 0; i < suffix.length; i++) store<u8>(name + 2 + <usize>(len + i), <u8>suffix.charCodeAt(i));
  return len + 2 + suffix.length;
}

/** Whether RETURN's identifier names the score. */
export function vectorScoreIs(ptr: usize, len: i32): bool {
  return bytesEqual(ptr, len, name, scoreName());
}

/** Replies the score's field name (or `asPtr`/`asLen`, RETURN's AS) and `score`, as two bulk strings. */
export function replyVectorScore(score: f64, asPtr: usize = 0, asLen: i32 = 0): void {
  if (asPtr != 0) replyBulk(asPtr, asLen);
  else replyBulk(name, scoreName());
  replyBulk(number, formatNumberRediSearch(score, number));
}
