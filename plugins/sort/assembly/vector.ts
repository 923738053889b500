// The sorting vector, Redis's redisSortObject array in raw memory: one 24-byte entry per element,
// pointing into the source reply, with what the element sorts by.
import { ENTRIES, ORDER, block } from "./scratch";

const ENTRY: usize = 24;
const ELEM_PTR: usize = 0;  // u32, into the SOURCE block
const ELEM_LEN: usize = 4;  // u32
const SCORE: usize = 8;     // f64: the numeric sort key (0 when BY finds nothing, as in Redis)
const CMP_OFF: usize = 16;  // u32, into the BYTES block: ALPHA's BY value
const CMP_LEN: usize = 20;  // i32, NO_CMP when BY found nothing

const NO_CMP: i32 = -1;

/** Number of entries loaded. */
export let size: i32 = 0;

// @ts-ignore: decorator
@inline function entry(i: i32): usize { return block(ENTRIES, 0) + <usize>i * ENTRY; }

/** Room for `n` entries (and their order) before any is added. */
export function reset(n: i32): void {
  size = 0;
  block(ENTRIES, <usize>n * ENTRY);
  block(ORDER, <usize>n << 2);
}

export function add(ptr: usize, len: i32): void {
  const e = entry(size);
  store<u32>(e + ELEM_PTR, <u32>ptr);
  store<u32>(e + ELEM_LEN, <u32>len);
  store<f64>(e + SCORE, 0);
  store<i32>(e + CMP_LEN, NO_CMP);
  store<u32>(block(ORDER, 0) + (<usize>size << 2), size);
  size++;
}

export function elemPtr(i: i32): usize { return load<u32>(entry(i) + ELEM_PTR); }
export function elemLen(i: i32): i32 { return load<i32>(entry(i) + ELEM_LEN); }
export function score(i: i32): f64 { return load<f64>(entry(i) + SCORE); }
export function setScore(i: i32, v: f64): void { store<f64>(entry(i) + SCORE, v); }
export function hasCmp(i: i32): bool { return load<i32>(entry(i) + CMP_LEN) != NO_CMP; }
export function cmpOff(i: i32): u32 { return load<u32>(entry(i) + CMP_OFF); }
export function cmpLen(i: i32): i32 { return load<i32>(entry(i) + CMP_LEN); }

export function setCmp(i: i32, off: u32, len: i32): void {
  store<u32>(entry(i) + CMP_OFF, off);
  store<i32>(entry(i) + CMP_LEN, len);
}

/** The entry at position `k` of the current order. */
export function at(k: i32): i32 { return load<i32>(block(ORDER, 0) + (<usize>k << 2)); }

/** Reverses the order (a list read backwards for DESC under BY nosort). */
export function reverse(): void {
  const order = block(ORDER, 0);
  for (let a = 0, b = size - 1; a < b; a++, b--) {
    const t = load<u32>(order + (<usize>a << 2));
    store<u32>(order + (<usize>a << 2), load<u32>(order + (<usize>b << 2)));
    store<u32>(order + (<usize>b << 2), t);
  }
}
