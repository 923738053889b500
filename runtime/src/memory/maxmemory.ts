// `maxmemory` and its eviction (Redis's evict.c): before any command runs while used memory is above the
// limit, keys are evicted per `maxmemory-policy`, picked by sampling `maxmemory-samples` keys per database
// into the eviction pool; a command that may grow memory (manifest flag `denyoom`) is refused with OOM
// when nothing more can be evicted (or the policy is noeviction).
import type { Database } from "../keyspace/database.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { EvictionPool } from "./eviction-pool.js";
import { evictionPolicy, type EvictionPolicy } from "../config/eviction-policy.js";
import { MemoryAccounting } from "./memory-accounting.js";

export const OOM_ERROR = "OOM command not allowed when used memory > 'maxmemory'.";

export const enum Eviction {
  /** Under the limit (now). */
  Ok,
  /** Over the time budget: more evictions are scheduled, commands still run meanwhile (Redis's EVICT_RUNNING). */
  Running,
  /** Over the limit with nothing left to evict. */
  Fail,
}

/** Redis's evictionTimeLimitUs: how long one round may evict, from `maxmemory-eviction-tenacity`. */
function timeLimitMs(tenacity: number): number {
  if (tenacity <= 10) return (50 * tenacity) / 1000;
  if (tenacity < 100) return (500 * 1.15 ** (tenacity - 10)) / 1000;
  return Infinity;
}

export class MaxMemory {
  /** Bytes; 0 = no limit (the default): then the dispatcher's whole cost is one comparison. */
  limit = 0;
  policy: EvictionPolicy = evictionPolicy("noeviction");
  samples = 5;
  tenacity = 10;
  evictedKeys = 0;
  readonly accounting: MemoryAccounting;
  private readonly pool = new EvictionPool();
  private nextDb = 0;
  private continuation: NodeJS.Immediate | null = null;

  constructor(private readonly keyspace: Keyspace) {
    this.accounting = new MemoryAccounting(keyspace);
  }

  /** CONFIG RESETSTAT. */
  resetStats(): void {
    this.evictedKeys = 0;
    this.accounting.peak = 0;
  }

  setPolicy(name: string): void {
    this.policy = evictionPolicy(name);
    this.keyspace.lfuPolicy = this.policy.rank === "lfu";
    this.pool.clear(); // scores of another policy mean nothing to this one
  }

  /** Whether memory is over the limit now, evicting nothing. */
  overLimit(): boolean {
    // Over by the quick figure: check the exact one before refusing or evicting anything (FLUSHALL
    // shrinks the index, which the quick figure may not have seen yet).
    return this.limit !== 0 && this.accounting.usedForLimit() > this.limit && this.accounting.used() > this.limit;
  }

  /** Evict until under the limit, for at most the tenacity's time budget (then go on in the background). */
  performEvictions(): Eviction {
    if (!this.overLimit()) return Eviction.Ok;
    if (this.policy.rank === "none") return Eviction.Fail;
    const deadline = performance.now() + timeLimitMs(this.tenacity);
    let evicted = 0;
    while (this.accounting.usedForLimit() > this.limit) {
      const victim = this.pickVictim(Date.now());
      if (!victim) return Eviction.Fail;
      // Database.evict raises `evicted` and tells the write funnel (WATCH fails, the AOF logs a DEL).
      victim.db.evict(victim.id);
      this.evictedKeys++;
      // Like Redis, the clock is read every 16 keys.
      if ((++evicted & 15) === 0 && performance.now() > deadline) {
        this.continueLater();
        return Eviction.Running;
      }
    }
    return Eviction.Ok;
  }

  /** Redis's evictionTimeProc: keep evicting between commands while over the limit. */
  continueLater(): void {
    if (this.continuation) return;
    this.continuation = setImmediate(() => {
      this.continuation = null;
      this.performEvictions();
    });
  }

  private candidates(db: Database): number {
    return this.policy.volatileOnly ? db.table.volatileCount() : db.size;
  }

  private pickVictim(now: number): { db: Database; id: number } | null {
    return this.policy.rank === "random" ? this.randomVictim() : this.pooledVictim(now);
  }

  /** allkeys-random / volatile-random: a random key, visiting databases round-robin. */
  private randomVictim(): { db: Database; id: number } | null {
    const dbs = this.keyspace.databases;
    for (let i = 0; i < dbs.length; i++) {
      const db = dbs[(this.nextDb = (this.nextDb + 1) % dbs.length)]!;
      if (this.candidates(db) === 0) continue;
      return { db, id: this.policy.volatileOnly ? db.table.randomVolatile() : db.table.randomEntry() };
    }
    return null;
  }

  /** LRU, LFU and TTL policies: sample every database into the pool, then take its best live entry. */
  private pooledVictim(now: number): { db: Database; id: number } | null {
    const dbs = this.keyspace.databases;
    for (;;) {
      let total = 0;
      for (const db of dbs) {
        const n = this.candidates(db);
        if (n === 0) continue;
        total += n;
        this.populate(db, now);
      }
      if (total === 0) return null;
      for (let e = this.pool.popBest(); e; e = this.pool.popBest()) {
        const db = dbs[e.db]!;
        const id = db.table.find(e.key, 0, e.key.length);
        if (id >= 0 && (!this.policy.volatileOnly || db.table.expire(id) !== 0)) return { db, id };
      }
    }
  }

  private populate(db: Database, now: number): void {
    const table = db.table;
    const decay = this.keyspace.lfuDecayTime;
    for (let i = 0; i < this.samples; i++) {
      const id = this.policy.volatileOnly ? table.randomVolatile() : table.randomEntry();
      if (id < 0) return;
      let score: number;
      switch (this.policy.rank) {
        case "lru": score = table.idleMs(id, now); break;
        case "lfu": score = 255 - table.lfu(id, now, decay); break;
        default: score = -table.expire(id); // ttl: the sooner it expires, the better a candidate
      }
      this.pool.offer(score, db.index, () => table.keyBuffer(id));
    }
  }
}
