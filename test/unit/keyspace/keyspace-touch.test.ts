// Which accesses move a key's LFU counter: only while an LFU eviction policy or a hot tier at least half
// full (whose demotion ranks values by the counter) reads it; the LRU clock moves on every access.
import { describe, expect, it } from "vitest";
import type { Keyspace } from "../../../runtime/src/keyspace/keyspace.js";
import { tieredKeyspace } from "../../../runtime/src/tiers/tiered-keyspace.js";
import { UNBOUNDED_TIERS } from "../../../runtime/src/tiers/settings.js";
import { MaxMemory } from "../../../runtime/src/memory/maxmemory.js";

const NOW = 1_700_000_000_000;

function keyspaceWithBudget(hotMaxBytes: number): { ks: Keyspace; id: number } {
  const ks = tieredKeyspace(1, { ...UNBOUNDED_TIERS, hotMaxBytes: () => hotMaxBytes });
  const key = Buffer.from("k");
  const id = ks.databases[0].table.insert(key, 0, key.length, NOW);
  return { ks, id };
}

/** The counter after many accesses (each one moves it with a probability that falls as it grows). */
function counterAfterAccesses(ks: Keyspace, id: number): number {
  const table = ks.databases[0].table;
  ks.lfuLogFactor = 0; // every access counts
  for (let i = 0; i < 50; i++) ks.touch(table, id, NOW);
  return table.lfu(id, NOW);
}

describe("Keyspace.touch", () => {
  it("leaves the LFU counter alone with no LFU policy and no hot-tier budget, and moves the LRU clock", () => {
    const { ks, id } = keyspaceWithBudget(0);
    const table = ks.databases[0].table;
    expect(counterAfterAccesses(ks, id)).toBe(5); // LFU_INIT_VAL
    expect(table.idleMs(id, NOW + 7000)).toBe(7000);
  });

  it("moves it under an LFU policy", () => {
    const { ks, id } = keyspaceWithBudget(0);
    new MaxMemory(ks).setPolicy("allkeys-lfu");
    expect(counterAfterAccesses(ks, id)).toBe(55);
  });

  it("moves it once the hot tier holds half its budget", () => {
    const { ks, id } = keyspaceWithBudget(1000);
    ks.tiers.hotBytes = 499;
    expect(counterAfterAccesses(ks, id)).toBe(5);
    ks.tiers.hotBytes = 500;
    expect(counterAfterAccesses(ks, id)).toBe(55);
  });
});
