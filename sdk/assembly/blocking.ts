// Blocking on keys (host API 1.1; a plugin using it declares "abi": "1.1"): the shape of BLPOP. A
// command that finds nothing to serve calls blockOnKeys and returns without replying; the host runs it
// again when one of the keys is written, and the run that replies serves the client.
import { block_context, block_on_keys, key_signal_ready } from "./host.generated";

/** Argument index counted from the end: -1 is the last argument (`BLPOP k1 k2 timeout` → keys 1..-2). */
export const LAST_ARG: i32 = -1;

/**
 * Block on the keys among arguments first..last (every `step`-th; negative indexes count from the end)
 * for `timeoutMs` (0 = forever). On timeout the host answers a null array, or a null bulk when
 * `nullBulkOnTimeout`. `data` comes back from blockContext on every later run (e.g. XREAD's resolved `$`).
 * False when the client cannot block here: answer the timeout reply at once.
 */
export function blockOnKeys(first: i32, last: i32, step: i32, timeoutMs: f64, nullBulkOnTimeout: bool = false, data: usize = 0, dataLen: i32 = 0): bool {
  return block_on_keys(first, last, step, timeoutMs, nullBulkOnTimeout ? 1 : 0, <i32>data, dataLen) != 0;
}

/** -1 on a fresh call; on a run after blockOnKeys, the length of its data, readable with resultRead. */
export function blockContext(): i32 {
  return block_context();
}

/** Wake clients blocked on the key after changing its value in place (a push into an existing list). */
export function signalKeyReady(key: usize, keyLen: i32): void {
  key_signal_ready(<i32>key, keyLen);
}
