// Reading the key to sort from the plugin that owns it, through call_command: LRANGE for a list,
// SMEMBERS for a set, ZRANGE for a sorted set (by score, the order BY nosort keeps). Under BY nosort a
// list or sorted set is read only in the LIMIT window, as Redis does, so a page of a long list costs a page.
import {
  RESP_ARRAY, RESP_BULK, RESP_ERROR, STATUS_MISSING, bytesEqual, callArg, callArgI64, callArgLiteral, callBegin,
  callSend, keyType, replyErrorBytes, replyWrongType, respBegin, respCount, respLen, respNext, respPtr, resultBytes,
  resultRead,
} from "ferrite-sdk";
import { SOURCE, block } from "./scratch";
import { add, reset, reverse } from "./vector";

const NONE: i32 = 0;
export const LIST: i32 = 1;
export const SET: i32 = 2;
export const ZSET: i32 = 3;

const LIST_NAME = memory.data<u8>([108, 105, 115, 116]); // "list"
const SET_NAME = memory.data<u8>([115, 101, 116]);       // "set"
const ZSET_NAME = memory.data<u8>([122, 115, 101, 116]); // "zset"

// Past any real collection's length: it keeps window arithmetic far from overflow.
const WINDOW_MAX: i64 = 1 << 40;

/** The key's kind (NONE when missing); replies WRONGTYPE and returns -1 for any other type. */
export function sourceKind(key: usize, keyLen: i32): i32 {
  const len = keyType(key, keyLen);
  if (len == STATUS_MISSING) return NONE;
  const name = resultBytes(len);
  if (bytesEqual(name, len, LIST_NAME, 4)) return LIST;
  if (bytesEqual(name, len, SET_NAME, 3)) return SET;
  if (bytesEqual(name, len, ZSET_NAME, 4)) return ZSET;
  replyWrongType();
  return -1;
}

/** Reads every element; false when the owner answered an error (replied to the client). */
export function loadAll(kind: i32, key: usize, keyLen: i32): bool {
  if (kind == NONE) { reset(0); return true; }
  callBegin();
  callArgLiteral(kind == LIST ? "LRANGE" : kind == SET ? "SMEMBERS" : "ZRANGE");
  callArg(key, keyLen);
  if (kind != SET) { callArgLiteral("0"); callArgLiteral("-1"); }
  return fill();
}

/**
 * Reads only the elements LIMIT keeps, in the source's order (from the tail for DESC): for a list or
 * sorted set under BY nosort. `count` < 0 means all from `start`.
 */
export function loadWindow(kind: i32, key: usize, keyLen: i32, start: i64, count: i64, desc: bool): bool {
  if (kind == NONE || count == 0) { reset(0); return true; }
  const s = min(max(start, 0), WINDOW_MAX);
  const c = count < 0 ? -1 : min(count, WINDOW_MAX);
  callBegin();
  callArgLiteral(kind == LIST ? "LRANGE" : "ZRANGE");
  callArg(key, keyLen);
  if (kind == LIST && desc) {
    // LRANGE has no REV: take the same window counted from the tail, then turn it around.
    callArgI64(c < 0 ? 0 : -(s + c));
    callArgI64(-(s + 1));
  } else {
    callArgI64(s);
    callArgI64(c < 0 ? -1 : s + c - 1);
    if (desc) callArgLiteral("REV");
  }
  if (!fill()) return false;
  if (kind == LIST && desc) reverse();
  return true;
}

/** Runs the prepared read and loads its array of bulk strings into the vector. */
function fill(): bool {
  const n = callSend();
  const reply = block(SOURCE, <usize>n);
  resultRead(reply);
  respBegin(reply, n);
  const type = respNext();
  if (type == RESP_ERROR) { replyErrorBytes(respPtr, respLen); return false; }
  if (type != RESP_ARRAY) { reset(0); return true; }
  const count = respCount;
  reset(count);
  for (let i = 0; i < count; i++) if (respNext() == RESP_BULK) add(respPtr, respLen);
  return true;
}
