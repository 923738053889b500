// Blocking on keys (host API 1.1; a plugin using it declares "abi": "1.1"): the shape of BLPOP. A
// command that finds nothing to serve calls blockOnKeys and returns without replying; the host runs it
// again when one of the keys is written, and the run that replies serves the client.
import { argLen, argPtr } from "./args";
import { block_context, block_on_keys, key_signal_ready } from "./host.generated";
import { keyFind, MISSING, WRONGTYPE } from "./keys";
import { parseF64, parsedF64 } from "./numbers";
import { replyError } from "./reply";

/** The timeout parseTimeoutArg read, in ms for blockOnKeys (0 = forever). */
export let parsedTimeoutMs: f64 = 0;

/** A double past LLONG_MAX: Redis's (long long) cast turns it (and inf) into LLONG_MIN. */
const LLONG_LIMIT: f64 = 9223372036854775807.0;

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

/**
 * Argument i as the timeout of BLPOP, BZPOPMIN…: seconds as a double, rounded up to whole ms like Redis
 * 7.0 (0.0001 waits 1 ms; -0.0001 rounds to 0, forever). Into parsedTimeoutMs; false once Redis's error
 * is replied. Values too large for a long long fail as "negative", as Redis's cast makes them.
 */
export function parseTimeoutArg(argv: usize, i: i32): bool {
  if (!parseF64(argPtr(argv, i), argLen(argv, i))) {
    replyError("ERR timeout is not a float or out of range");
    return false;
  }
  const ms = Math.ceil(parsedF64 * 1000);
  if (ms < 0 || !(ms < LLONG_LIMIT)) {
    replyError("ERR timeout is negative");
    return false;
  }
  parsedTimeoutMs = ms == 0 ? 0 : ms; // no -0
  return true;
}

/**
 * keyFind for a blocking command's keys. On a run after blocking, a key of another type counts as
 * missing, so the client keeps waiting: Redis 7.0 serves a blocked client only from a key of its type
 * (a fresh call still answers WRONGTYPE).
 */
export function keyFindWaited(ptr: usize, len: i32, type: i32, flags: i32 = 0): f64 {
  const h = keyFind(ptr, len, type, flags);
  return h == WRONGTYPE && block_context() >= 0 ? MISSING : h;
}
