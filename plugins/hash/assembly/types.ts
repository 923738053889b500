// The type callbacks the host calls for hash values (see ferrite-sdk's types contract).
//
// Serialized form (encver 1), independent of the encoding: u32 pair count, then per pair u32 field
// length, field bytes, u32 value length, value bytes (little-endian). Loading picks the encoding as
// Redis's RDB loader does: packed when the pairs fit its thresholds, else the table.
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import {
  maxPackedPairs, hashCopy, hashCreate, hashCreateTable, hashFree, hashIterate, hashKind, hashLen, hashMemory,
  hashNext, hashSet, itField, itFieldLen, itVal, itValLen, tooLongForPacked,
} from "./value";

const ENCVER: i32 = 1;
/** Saves go through a buffer: one host call per pair would dominate DUMP of a large hash. */
const SAVE_BUFFER: i32 = 64 * 1024;
const saveBuffer = memory.data(SAVE_BUFFER);
let saveUsed: i32 = 0;

function flush(): void {
  if (saveUsed > 0) saveWrite(<i32>saveBuffer, saveUsed);
  saveUsed = 0;
}

function saveU32(v: u32): void {
  if (saveUsed + 4 > SAVE_BUFFER) flush();
  store<u32>(saveBuffer + <usize>saveUsed, v);
  saveUsed += 4;
}

function saveItem(ptr: usize, len: i32): void {
  saveU32(<u32>len);
  if (saveUsed + len > SAVE_BUFFER) flush();
  if (len > SAVE_BUFFER) { saveWrite(<i32>ptr, len); return; }
  memory.copy(saveBuffer + <usize>saveUsed, ptr, <usize>len);
  saveUsed += len;
}

export function ferrite_type_free(_type: i32, handle: f64): void { hashFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const h = <usize>handle;
  saveUsed = 0;
  saveU32(<u32>hashLen(h));
  hashIterate(h);
  while (hashNext()) {
    saveItem(itField, itFieldLen);
    saveItem(itVal, itValLen);
  }
  flush();
}

/** Reads one length-prefixed item at `p` (bounded by `end`); 0 when the bytes run out. */
let itemPtr: usize = 0;
let itemLen: i32 = 0;
function readItem(p: usize, end: usize): usize {
  if (p + 4 > end) return 0;
  const len = load<u32>(p);
  if (<u64>len > <u64>(end - p - 4)) return 0;
  itemPtr = p + 4;
  itemLen = <i32>len;
  return itemPtr + <usize>len;
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER || len < 4) return LOAD_FAILED;
  const end = ptr + <usize>len;
  const count = <i32>load<u32>(ptr);
  if (count <= 0 || <u64>count > <u64>len / 8) return LOAD_FAILED;
  // A first pass picks the encoding from the sizes, so small hashes never pass through a table.
  let packed = <i64>count <= maxPackedPairs();
  let p = ptr + 4;
  for (let i = 0; i < count * 2; i++) {
    p = readItem(p, end);
    if (p == 0) return LOAD_FAILED;
    if (tooLongForPacked(itemLen)) packed = false;
  }
  if (p != end) return LOAD_FAILED;
  const h = packed ? hashCreate() : hashCreateTable(count);
  p = ptr + 4;
  for (let i = 0; i < count; i++) {
    p = readItem(p, end);
    const field = itemPtr, fieldLen = itemLen;
    p = readItem(p, end);
    if (!hashSet(h, field, fieldLen, itemPtr, itemLen)) { hashFree(h); return LOAD_FAILED; } // duplicate field
  }
  return <f64>h;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>hashCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>hashMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return <i32>hashKind(<usize>handle); }
