// The write funnel (keyspace/key-listener.ts): one Keyspace.written call per written key reaches every
// listener in LISTEN_ORDER, whatever order they started listening in; a change makes the dataset dirty,
// an expiry does not; a database's own expiry and eviction go through it too.
import { describe, expect, it } from "vitest";
import type { Keyspace } from "../../../runtime/src/keyspace/keyspace.js";
import { tieredKeyspace } from "../../../runtime/src/tiers/tiered-keyspace.js";
import { KEY_CHANGED, KEY_EVICTED, KEY_EXPIRED, KEY_STORED, LISTEN_ORDER, type KeyListener } from "../../../runtime/src/keyspace/key-listener.js";
import type { TypeOwner, ValueType } from "../../../runtime/src/keyspace/value-types.js";

const NOW = 1_700_000_000_000;

function recorder(name: string, seen: string[]): KeyListener {
  return {
    written: (db, key, off, len, how) => void seen.push(`${name} ${db} ${Buffer.from(key.subarray(off, off + len)).toString("latin1")} ${how}`),
    databaseReplaced: (db, by) => void seen.push(`${name} replaced ${db} by ${by}`),
  };
}

/** An owner whose values are plain numbers: nothing to free, so the database can delete them. */
const OWNER: TypeOwner = {
  name: "numbers",
  free: () => undefined,
  copy: (_t, h) => h,
  save: () => Buffer.alloc(0),
  load: () => 0,
  reserveLoadRoom: () => undefined,
  memoryUsage: () => 0,
  encoding: () => 0,
};

function insert(ks: Keyspace, key: string, expire = 0): number {
  const type: ValueType = ks.types.named("n") ?? ks.types.register(OWNER, 0, { name: "n", encver: 1, encodings: ["raw"] });
  const bytes = Buffer.from(key, "latin1");
  const id = ks.databases[0].insert(bytes, 0, bytes.length, type.id, 1, NOW);
  if (expire) ks.databases[0].table.setExpire(id, expire);
  return id;
}

describe("Keyspace.written", () => {
  it("calls the listeners in LISTEN_ORDER, not in the order they listened", () => {
    const ks = tieredKeyspace(2);
    const seen: string[] = [];
    ks.listen(recorder("blocked", seen), LISTEN_ORDER.blockedClients);
    ks.listen(recorder("aof", seen), LISTEN_ORDER.aof);
    ks.listen(recorder("watch", seen), LISTEN_ORDER.watch);
    const key = Buffer.from("xk1");
    ks.written(1, key, 1, 2, KEY_CHANGED | KEY_STORED);
    expect(seen).toEqual([`watch 1 k1 ${KEY_CHANGED | KEY_STORED}`, `aof 1 k1 ${KEY_CHANGED | KEY_STORED}`, `blocked 1 k1 ${KEY_CHANGED | KEY_STORED}`]);
  });

  it("counts a change as a write of the dataset and an expiry not", () => {
    const ks = tieredKeyspace(1);
    const key = Buffer.from("k");
    ks.written(0, key, 0, 1, KEY_CHANGED);
    ks.written(0, key, 0, 1, KEY_EXPIRED);
    expect(ks.dirty).toBe(1);
  });

  it("stops calling a listener that unlistened, and costs nothing to report with none", () => {
    const ks = tieredKeyspace(1);
    const seen: string[] = [];
    const l = recorder("watch", seen);
    ks.listen(l, LISTEN_ORDER.watch);
    expect(ks.listening).toBe(true);
    ks.unlisten(l);
    expect(ks.listening).toBe(false);
    ks.written(0, Buffer.from("k"), 0, 1, KEY_CHANGED);
    expect(seen).toEqual([]);
  });

  it("reports the database's own expiries and evictions", () => {
    const ks = tieredKeyspace(1);
    const seen: string[] = [];
    ks.listen(recorder("watch", seen), LISTEN_ORDER.watch);
    insert(ks, "old", NOW - 1);
    const evicted = insert(ks, "big");
    expect(ks.databases[0].lookup(Buffer.from("old"), 0, 3, NOW)).toBe(-1); // expired lazily
    ks.databases[0].evict(evicted);
    expect(seen).toEqual([`watch 0 old ${KEY_EXPIRED}`, `watch 0 big ${KEY_EXPIRED | KEY_EVICTED}`]);
  });
});
