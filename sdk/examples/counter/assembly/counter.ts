// A counter value: one heap block holding an i64; its handle is the block's pointer.

export const COUNTER_TYPE: i32 = 0;
export const COUNTER_SIZE: i32 = 8;

export function counterCreate(value: i64): usize {
  const c = heap.alloc(<usize>COUNTER_SIZE);
  store<i64>(c, value);
  return c;
}

// @ts-ignore: decorator
@inline export function counterGet(c: usize): i64 { return load<i64>(c); }
// @ts-ignore: decorator
@inline export function counterSet(c: usize, value: i64): void { store<i64>(c, value); }
