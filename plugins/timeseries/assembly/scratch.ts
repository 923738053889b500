// Growable scratch arrays of samples, reused by every command: a chunk decoded for an out-of-order
// write, a range's results before the reply (whose length comes first), a group's merged series.

@unmanaged export class Samples {
  ts: usize; // i64 each
  values: usize; // f64 each
  len: i32;
  cap: i32;
}

export function samplesNew(): Samples {
  const s = changetype<Samples>(heap.alloc(offsetof<Samples>()));
  memory.fill(changetype<usize>(s), 0, offsetof<Samples>());
  return s;
}

export function samplesPush(s: Samples, ts: i64, v: f64): void {
  if (s.len == s.cap) {
    const cap = s.cap < 64 ? 64 : s.cap * 2;
    s.ts = s.ts ? heap.realloc(s.ts, <usize>cap << 3) : heap.alloc(<usize>cap << 3);
    s.values = s.values ? heap.realloc(s.values, <usize>cap << 3) : heap.alloc(<usize>cap << 3);
    s.cap = cap;
  }
  store<i64>(s.ts + (<usize>s.len << 3), ts);
  store<f64>(s.values + (<usize>s.len << 3), v);
  s.len++;
}

// @ts-ignore: decorator
@inline export function sampleTs(s: Samples, i: i32): i64 { return load<i64>(s.ts + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function sampleValue(s: Samples, i: i32): f64 { return load<f64>(s.values + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function setSampleValue(s: Samples, i: i32, v: f64): void { store<f64>(s.values + (<usize>i << 3), v); }

/** Opens a slot at index i (shifting the rest up). */
export function samplesInsert(s: Samples, i: i32, ts: i64, v: f64): void {
  samplesPush(s, 0, 0);
  const n = <usize>(s.len - 1 - i) << 3;
  memory.copy(s.ts + (<usize>(i + 1) << 3), s.ts + (<usize>i << 3), n);
  memory.copy(s.values + (<usize>(i + 1) << 3), s.values + (<usize>i << 3), n);
  store<i64>(s.ts + (<usize>i << 3), ts);
  store<f64>(s.values + (<usize>i << 3), v);
}

/** Scratch for one chunk being rewritten. */
export const chunkScratch = samplesNew();
/** Scratch for a range's reply. */
export const rangeScratch = samplesNew();

/** Appends every sample of `from` to `to`. */
export function samplesAppend(to: Samples, from: Samples): void {
  for (let i = 0; i < from.len; i++) samplesPush(to, sampleTs(from, i), sampleValue(from, i));
}

/** Heapsort by timestamp (in place; equal timestamps end up adjacent, which is all reducers need). */
export function samplesSortByTs(s: Samples): void {
  const n = s.len;
  for (let i = n / 2 - 1; i >= 0; i--) siftDown(s, i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(s, 0, end);
    siftDown(s, 0, end);
  }
}

function siftDown(s: Samples, root: i32, n: i32): void {
  let i = root;
  while (true) {
    let child = 2 * i + 1;
    if (child >= n) return;
    if (child + 1 < n && sampleTs(s, child) < sampleTs(s, child + 1)) child++;
    if (sampleTs(s, i) >= sampleTs(s, child)) return;
    swap(s, i, child);
    i = child;
  }
}

function swap(s: Samples, a: i32, b: i32): void {
  const t = sampleTs(s, a), v = sampleValue(s, a);
  store<i64>(s.ts + (<usize>a << 3), sampleTs(s, b));
  setSampleValue(s, a, sampleValue(s, b));
  store<i64>(s.ts + (<usize>b << 3), t);
  setSampleValue(s, b, v);
}
