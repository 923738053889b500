// The cardinality estimate from the histogram of register values, exactly as Redis 7 computes it:
// Otmar Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog
// sketches", arXiv:1702.01284), which needs no empirical bias tables. The operations and their order
// follow Redis's hllCount so the doubles, and therefore the answers, are bit-identical.

import { HLL_Q, REGISTERS } from "./layout";

/** 64 counters: registers hold 6 bits, so any stored value (even a crafted 63) has a slot. */
const HISTO: usize = memory.data(64 * 4);
const ALPHA_INF: f64 = 0.721347520444481703680; // 0.5 / ln(2)

export function clearHistogram(): void { memory.fill(HISTO, 0, 64 * 4); }

// @ts-ignore: decorator
@inline export function countRegister(val: u32, n: i32): void {
  const slot = HISTO + (<usize>val << 2);
  store<i32>(slot, load<i32>(slot) + n);
}

// @ts-ignore: decorator
@inline function bucket(val: i32): f64 { return <f64>load<i32>(HISTO + (<usize>val << 2)); }

/** Histogram of a one-byte-per-register array (the union PFCOUNT builds over several keys). */
export function rawHistogram(max: usize): void {
  for (let i = 0; i < REGISTERS; i++) countRegister(<u32>load<u8>(max + <usize>i), 1);
}

function sigma(x: f64): f64 {
  if (x == 1.0) return Infinity;
  let y: f64 = 1;
  let z = x;
  let prev: f64;
  do {
    x *= x;
    prev = z;
    z += x * y;
    y += y;
  } while (prev != z);
  return z;
}

function tau(x: f64): f64 {
  if (x == 0.0 || x == 1.0) return 0;
  let y: f64 = 1;
  let z = 1 - x;
  let prev: f64;
  do {
    x = Math.sqrt(x);
    prev = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y; // Redis writes pow(1 - x, 2): compilers emit exactly this product
  } while (prev != z);
  return z / 3;
}

/** The estimate for the current histogram, rounded half away from zero like llroundl. */
export function estimate(): i64 {
  const m = <f64>REGISTERS;
  let z = m * tau((m - bucket(HLL_Q + 1)) / m);
  for (let j = HLL_Q; j >= 1; j--) {
    z += bucket(j);
    z *= 0.5;
  }
  z += m * sigma(bucket(0) / m);
  const e = ALPHA_INF * m * m / z;
  const whole = Math.floor(e);
  return <i64>(e - whole >= 0.5 ? whole + 1 : whole);
}
