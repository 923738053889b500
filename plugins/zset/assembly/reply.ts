// Replying with members and scores in the shapes Redis 7 uses: WITHSCORES is a flat
// [member, score, ...] array in RESP2 and an array of [member, score] pairs in RESP3.
import { protocol, replyArray, replyBulk, replyDouble } from "ferrite-sdk";
import { zsMember, zsMemberLen, zsNext, zsPrev, zsScore } from "./zset";

export function replyMember(z: usize, c: usize): void { replyBulk(zsMember(z, c), zsMemberLen(z, c)); }

/** The header of an array of `count` elements, with or without scores. */
export function replyElementsHeader(count: i32, withScores: bool): void {
  replyArray(withScores && protocol() == 2 ? count * 2 : count);
}

/** One element of such an array. */
export function replyElement(z: usize, c: usize, withScores: bool): void {
  if (!withScores) replyMember(z, c);
  else if (protocol() != 2) replyPair(z, c);
  else replyMemberScore(z, c);
}

/** Member then score, as two replies. */
export function replyMemberScore(z: usize, c: usize): void {
  replyMember(z, c);
  replyDouble(zsScore(z, c));
}

/** [member, score] as one array, whatever the protocol (ZMPOP's shape). */
export function replyPair(z: usize, c: usize): void {
  replyArray(2);
  replyMemberScore(z, c);
}

/** `count` elements from cursor c on, forwards or backwards, as one array. */
export function replyElements(z: usize, c: usize, count: i32, reverse: bool, withScores: bool): void {
  replyElementsHeader(count, withScores);
  for (let i = 0; i < count; i++) {
    replyElement(z, c, withScores);
    c = reverse ? zsPrev(z, c) : zsNext(z, c);
  }
}
