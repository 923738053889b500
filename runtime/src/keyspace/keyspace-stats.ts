// INFO's keyspace_hits/keyspace_misses: counted by the host imports that look keys up (key_find,
// key_type), for the commands Redis counts: lookups by commands without the `write` flag (Redis's
// lookupKeyRead; its write commands look keys up with lookupKeyWrite, which counts nothing). One per
// keyspace, so one per server.
export class KeyspaceStats {
  hits = 0;
  misses = 0;

  /** `id` is the lookup's entry id, negative when the key is missing or expired. */
  count(id: number): void {
    if (id < 0) this.misses++;
    else this.hits++;
  }

  reset(): void {
    this.hits = this.misses = 0;
  }
}
