// INFO's keyspace_hits/keyspace_misses: counted by the host imports that look keys up (key_find,
// key_type), for the commands Redis counts: lookups by commands without the `write` flag (Redis's
// lookupKeyRead; its write commands look keys up with lookupKeyWrite, which counts nothing).
import { ctx } from "../plugin/call-context.js";

export const keyspaceStats = { hits: 0, misses: 0 };

/** `id` is the lookup's entry id, negative when the key is missing or expired. */
export function countLookup(id: number): void {
  if (!ctx.lookupStats) return;
  if (id < 0) keyspaceStats.misses++;
  else keyspaceStats.hits++;
}
