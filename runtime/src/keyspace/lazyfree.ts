// Redis's lazyfree counters (INFO lazyfree_pending_objects, lazyfreed_objects; lazyfree.c), per server.
// Ferrite frees every value on the spot: a value lives in its plugin's memory and its free is that
// plugin's ferrite_type_free, with no thread to hand it to. So nothing is ever pending, and
// `lazyfreed_objects` counts the frees Redis would have made in the background, by Redis's rule
// (ADR 0050): FLUSHDB/FLUSHALL ASYNC count every key; UNLINK, and DEL, expiry, eviction and implicit
// deletes under their lazyfree-lazy-* configs, count a value whose free effort is over
// LAZYFREE_THRESHOLD. The effort is the value's plugin's answer (its `free_effort` function), as a
// Redis module type's free_effort callback; 1 when it has none.
import type { TypeOwner } from "./value-types.js";

/** lazyfree.c: a value with more than this many allocations is freed in the background. */
export const LAZYFREE_THRESHOLD = 64;

/**
 * A value whose plugin reports fewer bytes than this cannot hold more than 64 allocations (none takes
 * under 16 bytes), so it is not asked: UNLINK of small values costs no plugin call (ADR 0050).
 */
const ASKED_FROM_BYTES = (LAZYFREE_THRESHOLD + 1) * 16;

export type FreeEffort = (owner: TypeOwner, localType: number, handle: number) => number;

export class Lazyfree {
  /** lazyfreed_objects: reset by CONFIG RESETSTAT. */
  freed = 0;
  /** Above 0 while the host frees values where Redis would free them lazily (UNLINK runs, a lazy expiry…). */
  active = 0;
  /** lazyfree-lazy-user-del, -expire, -eviction, -server-del (kept in step with the configs). */
  userDel = false;
  expire = false;
  eviction = false;
  serverDel = false;
  /** Asks a value's plugin for its free effort (the server wires in its plugin functions). */
  effort: FreeEffort = () => 1;

  /** A value of `bytes` is about to be freed: counted if Redis, freeing it now, would have freed it lazily. */
  freeing(owner: TypeOwner, localType: number, handle: number, bytes: number): void {
    if (bytes >= ASKED_FROM_BYTES && this.effort(owner, localType, handle) > LAZYFREE_THRESHOLD) this.freed++;
  }

  /** FLUSHDB/FLUSHALL ASYNC: emptyDbAsync hands the whole database over, every key counted. */
  flushed(keys: number): void {
    this.freed += keys;
  }
}
