// The type callbacks the host calls for string values (see ferrite-sdk's types contract).
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { strCopy, strCreate, strData, strEncoding, strFree, strLen, strMemory } from "./value";

/** The serialized form is the bytes themselves; encver 1 in plugin.json. */
const ENCVER: i32 = 1;

export function ferrite_type_free(_type: i32, handle: f64): void { strFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const v = <usize>handle;
  saveWrite(<i32>strData(v), strLen(v));
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  return <f64>strCreate(ptr, len);
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>strCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>strMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return strEncoding(<usize>handle); }
