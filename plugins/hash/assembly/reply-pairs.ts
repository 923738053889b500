// HKEYS, HVALS and HGETALL: every pair, as fields, values or both (a map in RESP3, as Redis replies).
import { replyArray, replyBulk, replyMap } from "ferrite-sdk";
import { EMPTY_ARRAY, EMPTY_MAP, hashOrReply } from "./hash-key";
import { hashIterate, hashLen, hashNext, itField, itFieldLen, itVal, itValLen } from "./value";

export const FIELDS: i32 = 1;
export const VALUES: i32 = 2;

export function replyPairs(argv: usize, what: i32): void {
  const both = what == (FIELDS | VALUES);
  const h = hashOrReply(argv, both ? EMPTY_MAP : EMPTY_ARRAY);
  if (h == 0) return;
  if (both) replyMap(hashLen(h));
  else replyArray(hashLen(h));
  hashIterate(h);
  while (hashNext()) {
    if (what & FIELDS) replyBulk(itField, itFieldLen);
    if (what & VALUES) replyBulk(itVal, itValLen);
  }
}
