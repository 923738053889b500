// The callbacks through which the host frees, saves, loads, copies and measures counters.
import { loadBegin, loadDone, loadI64, saveI64, LOAD_FAILED } from "ferrite-sdk";
import { counterCreate, counterGet, COUNTER_SIZE } from "./counter";

const ENCVER: i32 = 1;
const ENCODING_I64: i32 = 0;

export function ferrite_type_free(_type: i32, handle: f64): void { heap.free(<usize>handle); }

/** Saved as one signed 64-bit field. */
export function ferrite_type_save(_type: i32, handle: f64): void { saveI64(counterGet(<usize>handle)); }

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  loadBegin(ptr, len);
  const value = loadI64();
  return loadDone() ? <f64>counterCreate(value) : LOAD_FAILED;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>counterCreate(counterGet(<usize>handle)); }

export function ferrite_type_memory(_type: i32, _handle: f64): f64 { return <f64>COUNTER_SIZE; }

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return ENCODING_I64; }
