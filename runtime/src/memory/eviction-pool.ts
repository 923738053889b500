// Redis's eviction pool (evict.c): the best candidates seen across sampling rounds, kept sorted by score
// (idle time, 255 - LFU counter, or how soon the TTL ends), so each eviction picks the best of many
// samples rather than of one round. Entries keep the key's bytes and are looked up again when popped:
// a candidate deleted meanwhile (a "ghost") is skipped.
const POOL_SIZE = 16;

export interface PoolEntry {
  score: number;
  db: number;
  key: Buffer;
}

export class EvictionPool {
  /** Ascending by score: the best candidate is last. */
  private readonly entries: PoolEntry[] = [];

  offer(score: number, db: number, key: () => Buffer): void {
    const entries = this.entries;
    let at = 0;
    while (at < entries.length && entries[at]!.score < score) at++;
    if (at === 0 && entries.length === POOL_SIZE) return; // worse than everything in a full pool
    const bytes = key();
    for (const e of entries) if (e.db === db && e.key.equals(bytes)) return;
    entries.splice(at, 0, { score, db, key: bytes });
    if (entries.length > POOL_SIZE) entries.shift();
  }

  popBest(): PoolEntry | undefined {
    return this.entries.pop();
  }

  clear(): void {
    this.entries.length = 0;
  }
}
