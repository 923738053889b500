// A command's working copy of an HLL (the key holds it as a string, hll-key.ts): a 12-byte handle block
// [u32 data][u32 len][u32 capacity] pointing at a heap block holding the Redis-format bytes (layout.ts).
// The indirection keeps the handle stable while a sparse HLL grows or is promoted to dense.

import { DENSE_SIZE, ENC_DENSE, ENC_SPARSE, HDR_SIZE, REGISTERS, setEncoding, writeMagic } from "./layout";
import { putZeros } from "./sparse-opcodes";

const HANDLE_SIZE: usize = 12;
/** Dense register access reads and writes the byte after the last register (Redis relies on sds's NUL). */
const DENSE_CAPACITY: i32 = DENSE_SIZE + 1;

// @ts-ignore: decorator
@inline export function hllData(v: usize): usize { return <usize>load<u32>(v); }
// @ts-ignore: decorator
@inline export function hllLen(v: usize): i32 { return <i32>load<u32>(v, 4); }
// @ts-ignore: decorator
@inline export function setHllLen(v: usize, len: i32): void { store<u32>(v, <u32>len, 4); }
// @ts-ignore: decorator
@inline function capacity(v: usize): i32 { return <i32>load<u32>(v, 8); }

function wrap(data: usize, len: i32, cap: i32): usize {
  const v = heap.alloc(HANDLE_SIZE);
  store<u32>(v, <u32>data);
  store<u32>(v, <u32>len, 4);
  store<u32>(v, <u32>cap, 8);
  return v;
}

/** A new empty HLL, sparse like Redis's createHLLObject: one XZERO opcode covering every register. */
export function hllCreate(): usize {
  const len = HDR_SIZE + 2;
  const data = heap.alloc(<usize>len);
  memory.fill(data, 0, <usize>HDR_SIZE);
  writeMagic(data);
  setEncoding(data, ENC_SPARSE);
  putZeros(data + HDR_SIZE, REGISTERS);
  return wrap(data, len, len);
}

/** A value holding a copy of `len` Redis-format bytes, already validated (see hll-key.ts). */
export function hllFromBytes(src: usize, len: i32): usize {
  const cap = len == DENSE_SIZE ? DENSE_CAPACITY : len;
  const data = heap.alloc(<usize>cap);
  memory.copy(data, src, <usize>len);
  if (cap > len) store<u8>(data + len, 0);
  return wrap(data, len, cap);
}

export function hllFree(v: usize): void {
  heap.free(hllData(v));
  heap.free(v);
}

/** Room for `extra` more bytes, growing by half again so a sparse HLL's many small inserts stay cheap. */
export function hllReserve(v: usize, extra: i32): void {
  const need = hllLen(v) + extra;
  if (need <= capacity(v)) return;
  const cap = need + (need >> 1);
  store<u32>(v, <u32>heap.realloc(hllData(v), <usize>cap));
  store<u32>(v, <u32>cap, 8);
}

/** A zeroed dense block carrying over the 16-byte header of `v`; install it with installDense. */
export function denseBlockFrom(v: usize): usize {
  const data = heap.alloc(<usize>DENSE_CAPACITY);
  memory.copy(data, hllData(v), <usize>HDR_SIZE);
  memory.fill(data + HDR_SIZE, 0, <usize>(DENSE_CAPACITY - HDR_SIZE));
  setEncoding(data, ENC_DENSE);
  return data;
}

export function installDense(v: usize, data: usize): void {
  heap.free(hllData(v));
  store<u32>(v, <u32>data);
  store<u32>(v, <u32>DENSE_SIZE, 4);
  store<u32>(v, <u32>DENSE_CAPACITY, 8);
}
