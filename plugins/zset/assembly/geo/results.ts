// What a search does with its points once sorted: reply them (with the WITH* details) or store them
// as a sorted set (GEORADIUS STORE/STOREDIST, GEOSEARCHSTORE).
import { keyDeleteArg, keySetArg, replyArray, replyBulk, replyInt } from "ferrite-sdk";
import { KeyEvent } from "ferrite-sdk";
import { zsCreateFor, zsInsert } from "../zset";
import { pointDist, pointLat, pointLen, pointLon, pointMember, pointScore } from "./points";
import { replyDistance, replyPosition } from "./reply";
import { conversion } from "./shape";
import { ordered } from "./sort";
import { ZSET_TYPE } from "../zset-key";

/** The first `returned` points: members alone, or [member, dist?, hash?, coords?] arrays. */
export function replyPoints(returned: i32, withDist: bool, withHash: bool, withCoord: bool): void {
  const details = <i32>withDist + <i32>withHash + <i32>withCoord;
  replyArray(returned);
  for (let i = 0; i < returned; i++) {
    const p = ordered(i);
    if (details > 0) replyArray(details + 1);
    replyBulk(pointMember(p), pointLen(p));
    if (withDist) replyDistance(pointDist(p) / conversion);
    if (withHash) replyInt(<i64>pointScore(p));
    if (withCoord) replyPosition(pointLon(p), pointLat(p));
  }
}

/**
 * The first `returned` points into the key in argument `dst`, scored by geohash or (storeDist) by
 * distance in the unit, raising `event`; no points delete it. The set is built before the key is bound, so the
 * destination may be the source whose members the points still point into.
 */
export function storePoints(argv: usize, dst: i32, returned: i32, storeDist: bool, event: KeyEvent): void {
  if (returned == 0) {
    keyDeleteArg(argv, dst);
    replyInt(0);
    return;
  }
  let maxLen = 0;
  for (let i = 0; i < returned; i++) maxLen = max(maxLen, pointLen(ordered(i)));
  const z = zsCreateFor(returned, maxLen);
  for (let i = 0; i < returned; i++) {
    const p = ordered(i);
    zsInsert(z, storeDist ? pointDist(p) / conversion : pointScore(p), pointMember(p), pointLen(p));
  }
  keySetArg(argv, dst, ZSET_TYPE, <f64>z);
  event.emitArg(argv, dst);
  replyInt(returned);
}
