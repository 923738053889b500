// ZRANDMEMBER key [count [WITHSCORES]]: a positive count gives distinct members, a negative one may repeat.
import {
  argIs, argLen, argPtr, keyFindArg, parsedI64, parseI64, replyArray, replyError, replyNull, replyWrongType,
  ERR_NOT_INTEGER, ERR_SYNTAX, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { randomBelow } from "../random";
import { replyElement, replyElementsHeader, replyMember } from "../reply";
import { zsAtRank, zsCard, zsFirst, zsNext } from "../zset";
import { ZSET_TYPE } from "../zset-key";

/** LONG_MAX / 2: past it, Redis refuses a WITHSCORES count (the reply would have twice as many items). */
const HALF_LONG: i64 = i64.MAX_VALUE / 2;

export function run(argc: i32, argv: usize): void {
  if (argc == 2) {
    const h = keyFindArg(argv, 1, ZSET_TYPE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) replyNull();
    else replyMember(<usize>h, zsAtRank(<usize>h, randomBelow(zsCard(<usize>h))));
    return;
  }
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 == i64.MIN_VALUE) {
    replyError(parsedI64 == i64.MIN_VALUE ? "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807" : ERR_NOT_INTEGER);
    return;
  }
  const count = parsedI64;
  if (argc > 4 || (argc == 4 && !argIs(argv, 3, "WITHSCORES"))) { replyError(ERR_SYNTAX); return; }
  const withScores = argc == 4;
  if (withScores && (count < -HALF_LONG || count > HALF_LONG)) { replyError("ERR value is out of range"); return; }
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING || count == 0) { replyArray(0); return; }
  const z = <usize>h;
  const card = zsCard(z);
  if (count < 0) {
    const n = <i32>min(-count, <i64>i32.MAX_VALUE);
    replyElementsHeader(n, withScores);
    for (let i = 0; i < n; i++) replyElement(z, zsAtRank(z, randomBelow(card)), withScores);
    return;
  }
  // Distinct members: selection sampling (Knuth's algorithm S) keeps each with the right odds in one pass.
  let needed = <i32>min(count, <i64>card);
  replyElementsHeader(needed, withScores);
  let left = card;
  for (let c = zsFirst(z); needed > 0; c = zsNext(z, c), left--) {
    if (randomBelow(left) < needed) {
      replyElement(z, c, withScores);
      needed--;
    }
  }
}
