// One list element, encoded exactly as a Redis listpack entry: [encoding + data][backlen]. Using
// Redis's format makes a node's size equal to the listpack Redis would hold, so the node-size limits
// (list-max-listpack-size) and the listpack/quicklist conversions fall where Redis's do, and memory per
// element matches. Integer-looking elements are stored as integers (1 to 9 bytes); backlen lets a
// reader step backwards from the end of a node.
//
//   entryPlan(ptr, len)  choose the encoding of an element; returns its encoded size
//   entryWrite(dst)      write the planned entry
//   entrySize(p)         encoded size of the entry at p
//   entryRead(p)         its element bytes into elemPtr/elemLen (integers are formatted in a scratch
//                        buffer, valid until the next entryRead)
//   entryBefore(end)     start of the entry that ends at `end`
//   entryCheck(p, room)  size of a well-formed entry within room bytes, or -1 (untrusted input)

import { formatI64, parseI64, parsedI64, I64_MAX_CHARS } from "ferrite-sdk";

export let elemPtr: usize = 0;
export let elemLen: i32 = 0;

const intText = memory.data(I64_MAX_CHARS);

const STR_6BIT: u32 = 0x80;
const INT_13BIT: u32 = 0xc0;
const STR_12BIT: u32 = 0xe0;
const STR_32BIT: u32 = 0xf0;
const INT_16BIT: u32 = 0xf1;
const INT_24BIT: u32 = 0xf2;
const INT_32BIT: u32 = 0xf3;
const INT_64BIT: u32 = 0xf4;

let planIsInt = false;
let planInt: i64 = 0;
let planPtr: usize = 0;
let planLen: i32 = 0;
let planBody: i32 = 0;

function backlenSize(body: i32): i32 {
  if (body <= 127) return 1;
  if (body < 16383) return 2;
  if (body < 2097151) return 3;
  if (body < 268435455) return 4;
  return 5;
}

/** Seven bits a byte, most significant first; every byte but the first flagged, so it reads from the end. */
function writeBacklen(dst: usize, body: i32): void {
  const n = backlenSize(body);
  for (let i = 0; i < n; i++) {
    const bits = (<u32>body >>> (7 * (n - 1 - i))) & 127;
    store<u8>(dst + i, i > 0 ? bits | 128 : bits);
  }
}

function intBodySize(v: i64): i32 {
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

function strHeaderSize(len: i32): i32 {
  return len < 64 ? 1 : len < 4096 ? 2 : 5;
}

export function entryPlan(ptr: usize, len: i32): i32 {
  planIsInt = len <= I64_MAX_CHARS && parseI64(ptr, len);
  if (planIsInt) {
    planInt = parsedI64;
    planBody = intBodySize(planInt);
  } else {
    planPtr = ptr;
    planLen = len;
    planBody = strHeaderSize(len) + len;
  }
  return planBody + backlenSize(planBody);
}

export function entryWrite(dst: usize): void {
  if (planIsInt) writeInt(dst, planInt, planBody);
  else writeStr(dst, planPtr, planLen);
  writeBacklen(dst + planBody, planBody);
}

function writeInt(dst: usize, v: i64, body: i32): void {
  if (body == 1) { store<u8>(dst, <u8>v); return; }
  if (body == 2) {
    const u = <u32>v & 0x1fff;
    store<u8>(dst, <u8>(INT_13BIT | (u >>> 8)));
    store<u8>(dst, <u8>u, 1);
    return;
  }
  store<u8>(dst, <u8>(body == 3 ? INT_16BIT : body == 4 ? INT_24BIT : body == 5 ? INT_32BIT : INT_64BIT));
  for (let i = 1; i < body; i++) store<u8>(dst + i, <u8>(v >> (8 * (i - 1))));
}

function writeStr(dst: usize, src: usize, len: i32): void {
  let header = 1;
  if (len < 64) {
    store<u8>(dst, <u8>(STR_6BIT | len));
  } else if (len < 4096) {
    store<u8>(dst, <u8>(STR_12BIT | (len >>> 8)));
    store<u8>(dst, <u8>len, 1);
    header = 2;
  } else {
    store<u8>(dst, <u8>STR_32BIT);
    store<u32>(dst, <u32>len, 1);
    header = 5;
  }
  memory.copy(dst + header, src, <usize>len);
}

/** Encoding plus data, without the backlen; the first byte must be a valid encoding. */
function bodySize(p: usize): i32 {
  const b = <u32>load<u8>(p);
  if (b < STR_6BIT) return 1;
  if (b < INT_13BIT) return 1 + <i32>(b & 0x3f);
  if (b < STR_12BIT) return 2;
  if (b < STR_32BIT) return 2 + <i32>(((b & 0x0f) << 8) | load<u8>(p, 1));
  if (b == STR_32BIT) return 5 + <i32>load<u32>(p, 1);
  return b == INT_16BIT ? 3 : b == INT_24BIT ? 4 : b == INT_32BIT ? 5 : 9;
}

export function entrySize(p: usize): i32 {
  const body = bodySize(p);
  return body + backlenSize(body);
}

export function entryRead(p: usize): void {
  const b = <u32>load<u8>(p);
  let v: i64;
  if (b < STR_6BIT) v = b;
  else if (b < INT_13BIT) { elemPtr = p + 1; elemLen = <i32>(b & 0x3f); return; }
  else if (b < STR_12BIT) {
    const u = <i32>(((b & 0x1f) << 8) | load<u8>(p, 1));
    v = u >= 4096 ? u - 8192 : u;
  } else if (b < STR_32BIT) { elemPtr = p + 2; elemLen = bodySize(p) - 2; return; }
  else if (b == STR_32BIT) { elemPtr = p + 5; elemLen = <i32>load<u32>(p, 1); return; }
  else if (b == INT_16BIT) v = load<i16>(p, 1);
  else if (b == INT_24BIT) v = (<i32>(load<u16>(p, 1) | (<u32>load<u8>(p, 3) << 16)) << 8) >> 8;
  else if (b == INT_32BIT) v = load<i32>(p, 1);
  else v = load<i64>(p, 1);
  elemPtr = intText;
  elemLen = formatI64(v, intText);
}

/** True when the entry at p holds exactly the element bytes (ptr, len). */
export function entryEquals(p: usize, ptr: usize, len: i32): bool {
  entryRead(p);
  return elemLen == len && memory.compare(elemPtr, ptr, <usize>len) == 0;
}

export function entryBefore(end: usize): usize {
  let p = end - 1;
  let body: u32 = 0;
  let shift: u32 = 0;
  while (true) {
    const b = <u32>load<u8>(p);
    body |= (b & 127) << shift;
    if ((b & 128) == 0) break;
    shift += 7;
    p--;
  }
  return end - body - <usize>backlenSize(<i32>body);
}

const backlenCheck = memory.data(8);

export function entryCheck(p: usize, room: i32): i32 {
  if (room < 1) return -1;
  const b = <u32>load<u8>(p);
  if (b > INT_64BIT) return -1;
  const header = b >= STR_12BIT && b < STR_32BIT ? 2 : b == STR_32BIT ? 5 : 1;
  if (room < header) return -1;
  // A 32-bit length read from untrusted bytes can exceed i32: widen before comparing.
  const body: i64 = b == STR_32BIT ? 5 + <i64>load<u32>(p, 1) : <i64>bodySize(p);
  if (body > <i64>room) return -1;
  const bl = backlenSize(<i32>body);
  if (body + bl > <i64>room) return -1;
  writeBacklen(backlenCheck, <i32>body);
  if (memory.compare(backlenCheck, p + <usize>body, <usize>bl) != 0) return -1;
  return <i32>body + bl;
}
