// The type callbacks the host calls for stream values (see ferrite-sdk's types contract).
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { bufData, bufLen } from "./bytes";
import { deserialize, serialize } from "./serialize";
import { Stream, streamFree, streamMemory } from "./stream";

const ENCVER: i32 = 1;

// @ts-ignore: decorator
@inline function stream(handle: f64): Stream { return changetype<Stream>(<usize>handle); }

export function ferrite_type_free(_type: i32, handle: f64): void { streamFree(stream(handle)); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  serialize(stream(handle));
  saveWrite(<i32>bufData(), bufLen);
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  const s = deserialize(ptr, len);
  return s ? <f64>changetype<usize>(s) : LOAD_FAILED;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 {
  serialize(stream(handle));
  return <f64>changetype<usize>(deserialize(bufData(), bufLen));
}

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return streamMemory(stream(handle)); }

/** One encoding, "stream", as OBJECT ENCODING reports for every Redis stream. */
export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
