// Per-document columns: one fixed-size slot per doc id, for what queries read by doc id without going
// back to the key: NUMERIC values (f64, NaN when missing), GEO points (lon, lat), and the values of
// SORTABLE TEXT/TAG fields (a str pointer, 0 when missing). Grown as doc ids grow.

@unmanaged export class Column {
  data: usize;
  /** Slots allocated. */
  slots: u32;
  /** Bytes per slot: 8 (f64), 16 (two f64) or 4 (str pointer). */
  stride: u32;
}

export function columnNew(stride: u32): Column {
  const c = changetype<Column>(heap.alloc(offsetof<Column>()));
  c.stride = stride;
  c.slots = 64;
  c.data = heap.alloc(<usize>(c.slots * stride));
  clear(c, 0, c.slots);
  return c;
}

/** Empty slots: NaN for numbers, 0 for pointers. */
function clear(c: Column, from: u32, to: u32): void {
  if (c.stride == 4) {
    memory.fill(c.data + <usize>(from * 4), 0, <usize>((to - from) * 4));
    return;
  }
  for (let p = c.data + <usize>(from * c.stride), end = c.data + <usize>(to * c.stride); p < end; p += 8) store<f64>(p, NaN);
}

/** The slot of `doc`, growing the column to hold it. */
export function columnSlot(c: Column, doc: u32): usize {
  if (doc >= c.slots) {
    let slots = c.slots << 1;
    while (slots <= doc) slots <<= 1;
    c.data = heap.realloc(c.data, <usize>(slots * c.stride));
    clear(c, c.slots, slots);
    c.slots = slots;
  }
  return c.data + <usize>(doc * c.stride);
}

/** The slot of `doc` for reading, or 0 past the end (never written: empty). */
export function columnAt(c: Column, doc: u32): usize {
  return doc < c.slots ? c.data + <usize>(doc * c.stride) : 0;
}

export function columnF64(c: Column, doc: u32): f64 {
  const p = columnAt(c, doc);
  return p == 0 ? NaN : load<f64>(p);
}

export function columnFree(c: Column): void {
  if (c.stride == 4) {
    for (let i: u32 = 0; i < c.slots; i++) {
      const s = <usize>load<u32>(c.data + <usize>(i * 4));
      if (s != 0) heap.free(s);
    }
  }
  heap.free(c.data);
  heap.free(changetype<usize>(c));
}
