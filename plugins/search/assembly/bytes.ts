// Owned byte strings: one heap block, a u32 length then the bytes. Index names, field names, prefixes
// and stopwords are kept this way, so one pointer (a u32 in a list or a byte map) names each.
import { bytesEqual, bytesEqualIgnoreCase } from "ferrite-sdk";

/** A copy of `len` bytes at `ptr`. */
export function strNew(ptr: usize, len: i32): usize {
  const s = heap.alloc(4 + <usize>len);
  store<u32>(s, <u32>len);
  memory.copy(s + 4, ptr, <usize>len);
  return s;
}

/** A copy of an ASCII literal. */
export function strLiteral(text: string): usize {
  const s = heap.alloc(4 + <usize>text.length);
  store<u32>(s, <u32>text.length);
  for (let i = 0; i < text.length; i++) store<u8>(s + 4 + <usize>i, <u8>text.charCodeAt(i));
  return s;
}

// @ts-ignore: decorator
@inline export function strPtr(s: usize): usize { return s + 4; }
// @ts-ignore: decorator
@inline export function strLen(s: usize): i32 { return <i32>load<u32>(s); }

export function strIs(s: usize, ptr: usize, len: i32): bool { return bytesEqual(strPtr(s), strLen(s), ptr, len); }

export function strIsIgnoreCase(s: usize, ptr: usize, len: i32): bool {
  if (strLen(s) != len) return false;
  for (let i = 0; i < len; i++) {
    let a = <u32>load<u8>(strPtr(s) + <usize>i), b = <u32>load<u8>(ptr + <usize>i);
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (a != b) return false;
  }
  return true;
}

/** True when `len` bytes at `ptr` start with the string `s`. */
export function startsWith(ptr: usize, len: i32, s: usize): bool {
  const n = strLen(s);
  return n <= len && memory.compare(ptr, strPtr(s), <usize>n) == 0;
}

export function strFree(s: usize): void { if (s != 0) heap.free(s); }

/** A keyword test on raw bytes (re-exported here so the parsers import one module). */
export function isWord(ptr: usize, len: i32, word: string): bool { return bytesEqualIgnoreCase(ptr, len, word); }
