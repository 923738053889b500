// The type callbacks the host calls for sorted set values. Serialized form (encver 1): u32 count, then
// per element in order f64 score, u32 member length, member bytes (little-endian).
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import {
  zsCard, zsCopy, zsCreateFor, zsEncoding, zsFind, zsFirst, zsFree, zsInsert, zsMember, zsMemberLen,
  zsMemory, zsNext, zsScore,
} from "./zset";

const ENCVER: i32 = 1;
const scratch = memory.data(12);

export function ferrite_type_free(_type: i32, handle: f64): void { zsFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const z = <usize>handle;
  store<u32>(scratch, <u32>zsCard(z));
  saveWrite(<i32>scratch, 4);
  for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) {
    store<f64>(scratch, zsScore(z, c));
    store<u32>(scratch, <u32>zsMemberLen(z, c), 8);
    saveWrite(<i32>scratch, 12);
    saveWrite(<i32>zsMember(z, c), zsMemberLen(z, c));
  }
}

/** Checks the bytes and finds the longest member, so the set gets the encoding Redis would load it in. */
function longestMember(ptr: usize, len: i32, count: i32): i32 {
  let at = 4;
  let longest = 0;
  for (let i = 0; i < count; i++) {
    if (len - at < 12) return -1;
    const memberLen = <i32>load<u32>(ptr + <usize>at, 8);
    if (isNaN(load<f64>(ptr + <usize>at)) || memberLen < 0 || len - at - 12 < memberLen) return -1;
    longest = max(longest, memberLen);
    at += 12 + memberLen;
  }
  return at == len ? longest : -1;
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER || len < 4) return LOAD_FAILED;
  const count = <i32>load<u32>(ptr);
  const longest = count >= 0 ? longestMember(ptr, len, count) : -1;
  if (longest < 0) return LOAD_FAILED;
  const z = zsCreateFor(count, longest);
  let at: usize = ptr + 4;
  for (let i = 0; i < count; i++) {
    const score = load<f64>(at);
    const memberLen = <i32>load<u32>(at, 8);
    if (zsFind(z, at + 12, memberLen) != 0) { // a duplicate member: not something we saved
      zsFree(z);
      return LOAD_FAILED;
    }
    zsInsert(z, score, at + 12, memberLen);
    at += 12 + <usize>memberLen;
  }
  return <f64>z;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>zsCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>zsMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return zsEncoding(<usize>handle); }
