// free_effort (ADR 0050): how much work freeing one value is, Redis's lazyfreeGetFreeEffort. The host
// asks a type's plugin before freeing a value where Redis would free it in the background (UNLINK,
// FLUSHALL ASYNC, the lazyfree-lazy-* configs) and counts it in INFO's lazyfreed_objects when the
// effort is over Redis's LAZYFREE_THRESHOLD (64). A plugin answers through a plugin function named
// `free_effort` (assembly/functions/free_effort.ts, host API 1.8's functions) returning the effort;
// a type whose plugin has none counts 1, as a Redis module type without a free_effort callback.

/** The input the host passes: the value's local type index (i32), then its handle (f64). */
const INPUT_BYTES: i32 = 12;

/** The handle of the value a free_effort call asks about; 0 for an input that is not one. */
export function freeEffortHandle(input: usize, len: i32): usize {
  return len == INPUT_BYTES ? <usize>load<f64>(input, 4) : 0;
}
