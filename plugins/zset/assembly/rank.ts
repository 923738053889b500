// ZRANK and ZREVRANK key member [WITHSCORE] (WITHSCORE since Redis 7.2).
import {
  argIs, keyFindArg, replyArray, replyDouble, replyError, replyInt, replyNull, replyNullArray, replyWrongType,
  ERR_SYNTAX, WRONGTYPE,
} from "ferrite-sdk";
import { ZSET_TYPE, findMember } from "./zset-key";
import { zsCard, zsRankOf, zsScore } from "./zset";

export function zrank(argc: i32, argv: usize, reverse: bool): void {
  const withScore = argc > 3;
  if (argc > 4 || (withScore && !argIs(argv, 3, "WITHSCORE"))) { replyError(ERR_SYNTAX); return; }
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const c = findMember(h, argv, 2);
  if (c == 0) {
    if (withScore) replyNullArray();
    else replyNull();
    return;
  }
  const z = <usize>h;
  const rank = zsRankOf(z, c);
  if (withScore) replyArray(2);
  replyInt(reverse ? zsCard(z) - 1 - rank : rank);
  if (withScore) replyDouble(zsScore(z, c));
}
