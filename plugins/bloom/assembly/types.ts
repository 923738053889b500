// The type callbacks, dispatched on the type index (type-ids.ts).
import { LOAD_FAILED } from "ferrite-sdk";
import { chainCopy, chainFree, chainMemory } from "./bloom/chain";
import { loadChain, saveChain } from "./bloom/dump";

const ENCVER: i32 = 1;

export function ferrite_type_free(_type: i32, handle: f64): void { chainFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void { saveChain(<usize>handle); }

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  const c = loadChain(ptr, <usize>len);
  return c == 0 ? LOAD_FAILED : <f64>c;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>chainCopy(<usize>handle); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>chainMemory(<usize>handle); }

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
