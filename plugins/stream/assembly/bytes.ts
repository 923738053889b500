// A reusable growable byte buffer for serializing (save, copy) and a bounds-checked reader for loading.
// Little-endian fixed-width fields throughout.

let buf: usize = 0;
let bufCap: i32 = 0;
export let bufLen: i32 = 0;

export function bufReset(): void { bufLen = 0; }
export function bufData(): usize { return buf; }

function room(n: i32): usize {
  if (bufLen + n > bufCap) {
    bufCap = max(bufCap * 2, max(bufLen + n, 256));
    buf = buf ? heap.realloc(buf, <usize>bufCap) : heap.alloc(<usize>bufCap);
  }
  const at = buf + bufLen;
  bufLen += n;
  return at;
}

export function putU32(v: u32): void { store<u32>(room(4), v); }
export function putU64(v: u64): void { store<u64>(room(8), v); }
export function putBytes(ptr: usize, len: i32): void {
  putU32(<u32>len);
  memory.copy(room(len), ptr, <usize>len);
}

let rPtr: usize = 0;
let rEnd: usize = 0;
/** False once a read ran past the end: the payload is corrupt. */
export let readOk: bool = true;

export function readFrom(ptr: usize, len: i32): void {
  rPtr = ptr;
  rEnd = ptr + <usize>len;
  readOk = true;
}

/** Marks the payload corrupt (a check beyond bounds failed). */
export function readFail(): void { readOk = false; }

export function readDone(): bool { return readOk && rPtr == rEnd; }

/** Consumes n bytes and returns where they were, or 0 (and readOk false) past the end. */
export function take(n: i32): usize {
  if (!readOk || n < 0 || <usize>n > rEnd - rPtr) { readOk = false; return 0; }
  const at = rPtr;
  rPtr += <usize>n;
  return at;
}

export function getU32(): u32 { const p = take(4); return p ? load<u32>(p) : 0; }
export function getU64(): u64 { const p = take(8); return p ? load<u64>(p) : 0; }
