// SMOVE source destination member: 1 if moved. A missing source answers 0 before any type check on the
// destination, as in Redis; the same key on both sides only checks membership.
import { argLen, argPtr, keyDropArgIfEmpty, keyFindArg, keySetArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { SADD, SREM } from "../events";
import { SET_TYPE, setAdd, setCreate, setHas, setRemove, setSize } from "../set";

export function run(_argc: i32, argv: usize): void {
  const src = keyFindArg(argv, 1, SET_TYPE, FIND_WRITE);
  const dst = keyFindArg(argv, 2, SET_TYPE, FIND_WRITE);
  if (src == MISSING) { replyInt(0); return; }
  if (src == WRONGTYPE || dst == WRONGTYPE) { replyWrongType(); return; }
  const member = argPtr(argv, 3), len = argLen(argv, 3);
  const s = <usize>src;
  if (src == dst) { replyInt(setHas(s, member, len) ? 1 : 0); return; }
  if (!setRemove(s, member, len)) { replyInt(0); return; }
  SREM.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, setSize(s));
  if (dst == MISSING) {
    const d = setCreate(member, len, 1);
    setAdd(d, member, len);
    keySetArg(argv, 2, SET_TYPE, <f64>d);
    SADD.emitArg(argv, 2);
  } else if (setAdd(<usize>dst, member, len)) {
    SADD.emitArg(argv, 2);
  }
  replyInt(1);
}
