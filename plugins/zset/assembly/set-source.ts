// A plain set as a source of ZUNION/ZINTER/ZDIFF (and their STORE forms, ZINTERCARD): Redis reads its
// members with score 1. The set belongs to the set plugin, so its members come through a plugin call
// (SMEMBERS) and are copied into a temporary sorted set, which the caller frees.
import {
  RESP_ARRAY, RESP_BULK, bytesEqual, callArg, callArgLiteral, callBegin, callReply, callRun, keyType, respBegin,
  respCount, respLen, respNext, respPtr, resultBytes, STATUS_MISSING,
} from "ferrite-sdk";
import { zsCreateFor, zsInsert } from "./zset";

const SET_NAME = memory.data<u8>([115, 101, 116]); // "set"

/** The set at the key as a new sorted set of its members scored 1, or 0 when the key is not a set. */
export function setAsZset(key: usize, keyLen: i32): usize {
  const type = keyType(key, keyLen);
  if (type == STATUS_MISSING || !bytesEqual(resultBytes(type), type, SET_NAME, 3)) return 0;
  callBegin();
  callArgLiteral("SMEMBERS");
  callArg(key, keyLen);
  const n = callRun(false, true); // first: it may move the reply buffer callReply() names
  respBegin(callReply(), n);
  if (respNext() != RESP_ARRAY) return 0;
  const count = respCount;
  const z = zsCreateFor(count, 0);
  for (let i = 0; i < count; i++) if (respNext() == RESP_BULK) zsInsert(z, 1, respPtr, respLen);
  return z;
}
