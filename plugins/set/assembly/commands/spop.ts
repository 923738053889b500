// SPOP key [count]: removes and returns random members (a bulk string, or with a count a RESP3 set);
// an emptied set deletes its key. The count is checked before the key.
import {
  argLen, argPtr, keyDeleteArg, keyDropArgIfEmpty, keyFindArg, parsedI64, parseI64, replyBulk, replyError, replyNull,
  replySet, replyWrongType, ERR_NOT_POSITIVE, ERR_SYNTAX, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { memberLen, memberPtr, randomMember } from "../member";
import { replyMembers } from "../reply-members";
import { SPOP } from "../events";
import { SET_TYPE, setRemove, setSize } from "../set";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyError(ERR_SYNTAX); return; }
  const withCount = argc == 3;
  if (withCount && (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 < 0)) { replyError(ERR_NOT_POSITIVE); return; }
  const count = parsedI64;
  const h = keyFindArg(argv, 1, SET_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (!withCount) {
    if (h == MISSING) replyNull();
    else popInto(argv, <usize>h, 1);
    return;
  }
  if (h == MISSING || count == 0) { replySet(0); return; }
  const s = <usize>h;
  if (count >= <i64>setSize(s)) {
    replyMembers(s);
    SPOP.emitArg(argv, 1);
    keyDeleteArg(argv, 1);
    return;
  }
  replySet(<i32>count);
  popInto(argv, s, <i32>count);
}

/** Replies and removes `n` random members (the reply copies a member before its removal frees it). */
function popInto(argv: usize, s: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    randomMember(s);
    replyBulk(memberPtr, memberLen);
    setRemove(s, memberPtr, memberLen);
  }
  SPOP.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, setSize(s));
}
