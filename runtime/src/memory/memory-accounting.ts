// What `used_memory` counts, so that it moves when keys are written and deleted and eviction can tell
// what a deletion freed:
//   - the keyspace index: every database's typed arrays and key bytes (runtime/src/keyspace);
//   - every plugin's allocator bytes in use (its `ferrite_heap_used` export; a plugin without one counts
//     its whole linear memory, which never shrinks);
//   - the JS side: a constant, the V8 heap in use when the server started (the runtime's own code and
//     structures). V8's heap in use moves with garbage collection, not with data: counting it live would
//     make eviction chase the collector, evicting keys that free nothing and stopping when a GC ran.
// Client buffers are not counted (Redis counts them; ours live in V8 and node's socket buffers).
import type { Keyspace } from "../keyspace/keyspace.js";
import type { Plugin } from "../plugin/plugin.js";

/**
 * Checks before writes (`usedForLimit`) reuse the index figure this many times: summing every database's
 * arrays costs more than the rest of the check, and the index only grows in steps (a page at a time) and
 * never shrinks but on FLUSH, so a figure a few dozen writes old is off by at most the step just taken.
 */
const INDEX_REUSES = 64;

export class MemoryAccounting {
  /** See the header: the JS side's fixed share. */
  readonly jsBaseline = process.memoryUsage().heapUsed;
  /** Highest `used()` seen (INFO used_memory_peak). */
  peak = 0;
  /** Set by the server once its plugin registry exists. */
  plugins: () => Iterable<Plugin> = () => [];
  private index = 0;
  private indexReuses = 0;

  constructor(private readonly keyspace: Keyspace) {}

  indexBytes(): number {
    let n = 0;
    for (const db of this.keyspace.databases) n += db.table.memoryBytes();
    this.index = n;
    this.indexReuses = INDEX_REUSES;
    return n;
  }

  pluginBytes(): number {
    let n = 0;
    for (const p of this.plugins()) n += p.heapUsed();
    return n;
  }

  used(): number {
    return this.total(this.indexBytes());
  }

  /** `used()` for maxmemory's check before each write: the index figure is refreshed every INDEX_REUSES calls. */
  usedForLimit(): number {
    return this.total(this.indexReuses-- > 0 ? this.index : this.indexBytes());
  }

  private total(index: number): number {
    const used = this.jsBaseline + index + this.pluginBytes();
    if (used > this.peak) this.peak = used;
    return used;
  }
}
