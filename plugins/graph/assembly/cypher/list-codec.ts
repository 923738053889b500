// A list property's stored bytes: per item a kind byte (the value kinds) then 8 bytes (integer, double,
// boolean), [u32 len][UTF-8] (string), [u32 count][items] (list), nothing (null).
import { BOOL, DOUBLE, INT, LIST, NULL, NULL_VALUE, STRING, V, vBool, vDouble, vInt, vList, vString } from "./value";

function size(v: V): i32 {
  if (v.kind == STRING) return 5 + String.UTF8.byteLength(v.s);
  if (v.kind == LIST) {
    let n = 5;
    const items = v.items!;
    for (let i = 0; i < items.length; i++) n += size(items[i]);
    return n;
  }
  return v.kind == NULL ? 1 : 9;
}

function write(v: V, at: usize): usize {
  store<u8>(at, <u8>v.kind);
  at++;
  if (v.kind == STRING) {
    const n = String.UTF8.encodeUnsafe(changetype<usize>(v.s), v.s.length, at + 4);
    store<u32>(at, <u32>n);
    return at + 4 + n;
  }
  if (v.kind == LIST) {
    const items = v.items!;
    store<u32>(at, items.length);
    at += 4;
    for (let i = 0; i < items.length; i++) at = write(items[i], at);
    return at;
  }
  if (v.kind == NULL) return at;
  if (v.kind == DOUBLE) store<f64>(at, v.f);
  else store<i64>(at, v.i);
  return at + 8;
}

export function encodeList(v: V): ArrayBuffer {
  const b = new ArrayBuffer(size(v) - 1);
  // The top-level list's kind byte is implied by the property type.
  const items = v.items!;
  let at = changetype<usize>(b);
  store<u32>(at, items.length);
  at += 4;
  for (let i = 0; i < items.length; i++) at = write(items[i], at);
  return b;
}

let cursor: usize = 0;

function read(): V {
  const kind = <i32>load<u8>(cursor++);
  if (kind == STRING) {
    const n = load<u32>(cursor);
    const s = String.UTF8.decodeUnsafe(cursor + 4, n);
    cursor += 4 + n;
    return vString(s);
  }
  if (kind == LIST) return readItems();
  if (kind == NULL) return NULL_VALUE;
  const bits = load<i64>(cursor);
  cursor += 8;
  if (kind == DOUBLE) return vDouble(reinterpret<f64>(bits));
  if (kind == BOOL) return vBool(bits != 0);
  return vInt(bits);
}

function readItems(): V {
  const n = load<u32>(cursor);
  cursor += 4;
  const items = new Array<V>();
  for (let i: u32 = 0; i < n; i++) items.push(read());
  return vList(items);
}

/** The list stored in `len` bytes at `ptr` (bytes this plugin wrote: the codec checks only their frame). */
export function decodeList(ptr: usize, _len: u32): V {
  cursor = ptr;
  return readItems();
}
