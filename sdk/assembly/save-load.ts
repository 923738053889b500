// Typed save and load helpers for a type's ferrite_type_save / ferrite_type_load (and aux_save/aux_load),
// like the Redis Modules API's SaveUnsigned / LoadDouble: a persistence format written as a sequence of
// fields rather than a hand-rolled byte layout. Numbers are 8 little-endian bytes; bytes are a u32
// little-endian length, then the bytes. A load reads with a cursor that never passes its end: a short or
// corrupt payload makes `loadDone()` false instead of reading beyond the arena.
import { save_write } from "./host.generated";

/**
 * 8 bytes of static scratch. Its memory.data sits in a function so that a plugin that never saves this
 * way compiles byte for byte as without this file (a top-level one would be in every plugin's data).
 */
function scratch(): usize { return memory.data(8); }

export function saveU64(v: u64): void {
  store<u64>(scratch(), v);
  save_write(<i32>scratch(), 8);
}

export function saveI64(v: i64): void { saveU64(<u64>v); }

export function saveF64(v: f64): void { saveU64(reinterpret<u64>(v)); }

/** The length, then the bytes. */
export function saveBytes(ptr: usize, len: i32): void {
  store<u32>(scratch(), <u32>len);
  save_write(<i32>scratch(), 4);
  save_write(<i32>ptr, len);
}

let cursor: usize = 0;
let end: usize = 0;
let overrun = false;
/** The length of the bytes the last loadBytes() returned the address of. */
export let loadedLen: i32 = 0;

/** Starts reading the payload ferrite_type_load was given. */
export function loadBegin(ptr: usize, len: i32): void {
  cursor = ptr;
  end = ptr + <usize>len;
  overrun = false;
}

/** Whether `n` more bytes are there; marks the load failed when not. */
function take(n: usize): bool {
  if (overrun || end - cursor < n) {
    overrun = true;
    return false;
  }
  return true;
}

/** The next u64 (0 once the payload is short: check loadDone()). */
export function loadU64(): u64 {
  if (!take(8)) return 0;
  const v = load<u64>(cursor);
  cursor += 8;
  return v;
}

export function loadI64(): i64 { return <i64>loadU64(); }

export function loadF64(): f64 { return reinterpret<f64>(loadU64()); }

/** The address of the next bytes field, its length in `loadedLen` (valid during the load call only: copy them). */
export function loadBytes(): usize {
  loadedLen = 0;
  if (!take(4)) return 0;
  const len = load<u32>(cursor);
  cursor += 4;
  if (!take(<usize>len)) return 0;
  const at = cursor;
  cursor += <usize>len;
  loadedLen = <i32>len;
  return at;
}

/** True when every read found its bytes and the whole payload was read: otherwise return LOAD_FAILED. */
/** Whether a read ran past the payload: a loop over a count read from the payload stops on it. */
export function loadOverrun(): bool { return overrun; }

export function loadDone(): bool { return !overrun && cursor == end; }
