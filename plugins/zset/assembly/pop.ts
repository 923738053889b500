// ZPOPMIN, ZPOPMAX, ZMPOP and their blocking forms: take up to `count` elements from one end of the
// first non-empty set.
import { argLen, argPtr, keyDropArgIfEmpty, keyFindWaited, protocol, replyArray, replyBulk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { replyMemberScore, replyPair } from "./reply";
import { ZSET_TYPE } from "./zset-key";
import { ZPOPMAX, ZPOPMIN } from "./events";
import { zsCard, zsDeleteRange, zsFirst, zsLast, zsNext, zsPrev } from "./zset";

/** ZPOPMIN/ZPOPMAX replies: flat [member, score, ...], except pairs in RESP3 when a count was given. */
export const SHAPE_FLAT: i32 = 0;
export const SHAPE_COUNTED: i32 = 1;
/** ZMPOP's: [key, [[member, score], ...]] in both protocols. */
export const SHAPE_KEYED: i32 = 2;
/** BZPOPMIN/BZPOPMAX's: [key, member, score] in both protocols. */
export const SHAPE_KEYED_ONE: i32 = 3;

/**
 * Pops from the first set among arguments first..last (inclusive) and replies per `shape`; false,
 * with nothing replied, when every set is empty (each command has its own answer, or blocks).
 */
export function pop(argv: usize, first: i32, last: i32, count: i64, fromMax: bool, shape: i32): bool {
  let h: f64 = MISSING;
  let keyArg = first;
  for (; keyArg <= last; keyArg++) {
    h = keyFindWaited(argPtr(argv, keyArg), argLen(argv, keyArg), ZSET_TYPE, FIND_WRITE);
    if (h == WRONGTYPE) { replyWrongType(); return true; }
    if (h != MISSING) break;
  }
  if (h == MISSING) return false;
  const z = <usize>h;
  const n = <i32>min(count, <i64>zsCard(z));
  if (shape == SHAPE_KEYED_ONE) replyArray(3);
  else if (shape == SHAPE_KEYED) replyArray(2);
  if (shape >= SHAPE_KEYED) replyBulk(argPtr(argv, keyArg), argLen(argv, keyArg));
  const pairs = shape == SHAPE_KEYED || (shape == SHAPE_COUNTED && protocol() != 2);
  if (shape != SHAPE_KEYED_ONE) replyArray(pairs ? n : n * 2);
  let c = fromMax ? zsLast(z) : zsFirst(z);
  for (let i = 0; i < n; i++) {
    if (pairs) replyPair(z, c);
    else replyMemberScore(z, c);
    c = fromMax ? zsPrev(z, c) : zsNext(z, c);
  }
  zsDeleteRange(z, fromMax ? zsCard(z) - n : 0, n);
  if (n > 0) (fromMax ? ZPOPMAX : ZPOPMIN).emitArg(argv, keyArg);
  keyDropArgIfEmpty(argv, keyArg, zsCard(z));
  return true;
}
