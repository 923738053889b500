// The type callbacks for graphdata values: free, save/load (the codec's bytes), copy, memory.
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { Graph } from "./store/graph";
import { graphCopy, graphDecode, graphEncode, savedLen } from "./store/codec";
import { graphFree } from "./store/entities";
import { slowLogReset } from "./slowlog";

const ENCVER: i32 = 1;

export function ferrite_type_free(_type: i32, handle: f64): void {
  slowLogReset(<usize>handle);
  graphFree(changetype<Graph>(<usize>handle));
}

export function ferrite_type_save(_type: i32, handle: f64): void {
  const ptr = graphEncode(changetype<Graph>(<usize>handle));
  saveWrite(<i32>ptr, savedLen());
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  const g = graphDecode(ptr, len);
  return g == 0 ? LOAD_FAILED : <f64>g;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>graphCopy(changetype<Graph>(<usize>handle)); }

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>changetype<Graph>(<usize>handle).bytes; }

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
