// SMOVE source destination member: 1 if moved. A missing source answers 0 before any type check on the
// destination, as in Redis; the same key on both sides only checks membership. Each key is opened for
// writing only when it changes (Redis signals, counts and notifies only then): the source when it holds
// the member, the destination when it does not (WATCH on a destination that had it stays intact).
import {
  argLen, argPtr, keyDropArgIfEmpty, keyFindArg, keyPeekArg, keySetArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { SADD, SREM } from "../events";
import { SET_TYPE, setAdd, setCreate, setHas, setRemove, setSize } from "../set";

export function run(_argc: i32, argv: usize): void {
  const src = keyPeekArg(argv, 1, SET_TYPE);
  const dst = keyPeekArg(argv, 2, SET_TYPE);
  if (src == MISSING) { replyInt(0); return; }
  if (src == WRONGTYPE || dst == WRONGTYPE) { replyWrongType(); return; }
  const member = argPtr(argv, 3), len = argLen(argv, 3);
  if (src == dst) { replyInt(setHas(<usize>src, member, len) ? 1 : 0); return; }
  if (!setHas(<usize>src, member, len)) { replyInt(0); return; }
  const s = <usize>keyFindArg(argv, 1, SET_TYPE, FIND_WRITE);
  setRemove(s, member, len);
  SREM.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, setSize(s));
  if (dst == MISSING) {
    const d = setCreate(member, len, 1);
    setAdd(d, member, len);
    keySetArg(argv, 2, SET_TYPE, <f64>d);
    SADD.emitArg(argv, 2);
  } else if (!setHas(<usize>dst, member, len)) {
    setAdd(<usize>keyFindArg(argv, 2, SET_TYPE, FIND_WRITE), member, len);
    SADD.emitArg(argv, 2);
  }
  replyInt(1);
}
