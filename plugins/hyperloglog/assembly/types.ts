// The type callbacks the host calls for hyperloglog values. The serialized form is Redis's HYLL
// string itself (what GET returns there), so encver 1 means "Redis's HLL format".

import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { encodingOf } from "./layout";
import { validHll } from "./validate";
import { hllCopy, hllData, hllFree, hllFromBytes, hllLen, hllMemory } from "./value";

const ENCVER: i32 = 1;

export function ferrite_type_free(_type: i32, handle: f64): void { hllFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const v = <usize>handle;
  saveWrite(<i32>hllData(v), hllLen(v));
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER || !validHll(ptr, len)) return LOAD_FAILED;
  // The cached count travels with the registers, as in Redis's HYLL string: a restored value's first
  // PFCOUNT is a read, not a cache refresh (a write).
  return <f64>hllFromBytes(ptr, len);
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>hllCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>hllMemory(<usize>handle); }

/** The encoding byte is the index: plugin.json lists "dense" (0) then "sparse" (1). */
export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return <i32>encodingOf(hllData(<usize>handle)); }
