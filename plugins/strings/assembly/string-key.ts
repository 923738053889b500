// Reading demoted strings page-wise, replying and binding string values by argument index.

import { argLen, argPtr, keyPutArg, pageInfo, pageRead, replyBulk, replyNull, replyWrongType, MISSING, PUT_BOUND, WRONGTYPE } from "ferrite-sdk";
import { STRING_TYPE, strData, strFree, strLen, strMemory } from "./value";

/**
 * The length of the string at the key in argument i when the host has demoted it (a string's serialized
 * form is its bytes, so offsets map one to one); RESIDENT when it is in memory, MISSING or WRONGTYPE.
 */
export function demotedLength(argv: usize, i: i32): f64 {
  return pageInfo(argPtr(argv, i), argLen(argv, i), STRING_TYPE);
}

/** Reply with bytes [start, start+n) of the demoted string at the key in argument i, read page-wise. */
export function replyDemotedRange(argv: usize, i: i32, start: i64, n: i32): void {
  const buf = heap.alloc(<usize>n);
  const got = pageRead(argPtr(argv, i), argLen(argv, i), STRING_TYPE, start, n, buf);
  replyBulk(buf, max(got, 0));
  heap.free(buf);
}

const ONE_BYTE: usize = memory.data(1);

/** Byte `at` of the demoted string at the key in argument i (the caller checked it is in range). */
export function demotedByte(argv: usize, i: i32, at: i64): u32 {
  pageRead(argPtr(argv, i), argLen(argv, i), STRING_TYPE, at, 1, ONE_BYTE);
  return <u32>load<u8>(ONE_BYTE);
}

export function replyString(v: usize): void { replyBulk(strData(v), strLen(v)); }

/** GET's reply for a lookup result; false when it was WRONGTYPE (already replied). */
export function replyFound(h: f64): bool {
  if (h == WRONGTYPE) { replyWrongType(); return false; }
  if (h == MISSING) replyNull();
  else replyString(<usize>h);
  return true;
}

/**
 * Binds value v to the key in argument i, freeing the string it replaces; when NX/XX refuse it, frees v
 * and returns false.
 */
export function storeString(argv: usize, i: i32, v: usize, setFlags: i32 = 0): bool {
  const old = keyPutArg(argv, i, STRING_TYPE, <f64>v, <f64>strMemory(v), setFlags);
  if (old >= 0) strFree(<usize>old);
  else if (old != PUT_BOUND) {
    strFree(v);
    return false;
  }
  return true;
}
