// The type callbacks the host calls for set values (see ferrite-sdk's types contract).
// Saved form (encver 1): [u8 encoding][u32 count] then per member [u32 length][bytes], little-endian.
// Loading keeps the saved encoding, as COPY does, and refuses members that encoding cannot hold.
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { iterNext, iterStart, memberLen, memberPtr } from "./member";
import { ENC_LISTPACK, setAddAsSaved, setCopy, setEncoding, setFree, setMemory, setOfEncoding, setSize } from "./set";

const ENCVER: i32 = 1;
const HEAD: i32 = 5;
const word = memory.data(HEAD);

export function ferrite_type_free(_type: i32, handle: f64): void { setFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const s = <usize>handle;
  store<u8>(word, <u8>setEncoding(s));
  store<u32>(word, <u32>setSize(s), 1);
  saveWrite(<i32>word, HEAD);
  iterStart(s);
  while (iterNext()) {
    store<u32>(word, <u32>memberLen);
    saveWrite(<i32>word, 4);
    saveWrite(<i32>memberPtr, memberLen);
  }
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER || len < HEAD) return LOAD_FAILED;
  const encoding = <u32>load<u8>(ptr);
  const count = load<u32>(ptr, 1);
  if (encoding > ENC_LISTPACK || <u64>count > <u64>(len - HEAD) >> 2) return LOAD_FAILED;
  const s = setOfEncoding(encoding, <i32>count);
  let at: usize = ptr + HEAD;
  const end = ptr + <usize>len;
  for (let i: u32 = 0; i < count; i++) {
    const memberLen = end - at >= 4 ? <usize>load<u32>(at) : <usize>-1;
    if (memberLen > end - at - 4 || !setAddAsSaved(s, at + 4, <i32>memberLen)) {
      setFree(s);
      return LOAD_FAILED;
    }
    at += 4 + memberLen;
  }
  if (at != end) {
    setFree(s);
    return LOAD_FAILED;
  }
  return <f64>s;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>setCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>setMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return <i32>setEncoding(<usize>handle); }
