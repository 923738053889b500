// The search plugin's key type: suggestion dictionaries (FT.SUGADD's "trietype0"). Saved as the
// entry count, then per suggestion its string, score and payload.
import {
  LOAD_FAILED, bmBucket, bmBuckets, bmCopy, bmCount, bmFree, bmKey, bmKeyLen, bmMemory, bmNext, loadBegin, loadBytes,
  loadDone, loadF64, loadOverrun, loadU64, loadedLen, saveBytes, saveF64, saveU64,
} from "ferrite-sdk";
import { sugAdd, sugCreate, sugPayload, sugPayloadLen, sugScore } from "./suggest/sug-dict";

const ENCVER: i32 = 1;

export function ferrite_type_free(_type: i32, handle: f64): void { bmFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const dict = <usize>handle;
  saveU64(<u64>bmCount(dict));
  for (let b: u32 = 0; b < bmBuckets(dict); b++) {
    for (let e = bmBucket(dict, b); e != 0; e = bmNext(e)) {
      saveBytes(bmKey(e), bmKeyLen(e));
      saveF64(sugScore(e));
      saveBytes(sugPayload(e), sugPayloadLen(e));
    }
  }
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  loadBegin(ptr, len);
  const n = loadU64();
  const dict = sugCreate();
  for (let i: u64 = 0; i < n && !loadOverrun(); i++) {
    const str = loadBytes(), strLen = loadedLen;
    const score = loadF64();
    const payload = loadBytes(), payloadLen = loadedLen;
    if (strLen > 0) sugAdd(dict, str, strLen, score, false, payload, payloadLen);
  }
  if (!loadDone() || <u64>bmCount(dict) != n) {
    bmFree(dict);
    return LOAD_FAILED;
  }
  return <f64>dict;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>bmCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>bmMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
