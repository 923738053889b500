// MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP. A core command, not a plugin's: it is about
// the server's memory, and reaches each value's size through its owning type's memory callback, as the
// keyspace reaches any type's value.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { replyHelp } from "./help.js";
import { pluginMemoryFields } from "./info-memory.js";
import { MEMORY_STATS } from "../plugin/info-section.js";

const HELP = [
  "DOCTOR",
  "    Return memory problems reports.",
  "MALLOC-STATS",
  "    Return internal statistics report from the memory allocator.",
  "PURGE",
  "    Attempt to purge dirty pages for reclamation by the allocator.",
  "STATS",
  "    Return information about the memory usage of the server.",
  "USAGE <key> [SAMPLES <count>]",
  "    Return memory in bytes used by <key> and its value. Nested values are",
  "    sampled up to <count> times (default: 5, 0 means sample all).",
];

/** Redis's threshold under which MEMORY DOCTOR does not judge (getMemoryDoctorReport). */
const DOCTOR_MIN_BYTES = 5 * 1024 * 1024;
const DOCTOR_EMPTY =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. " +
  "Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.";
const DOCTOR_FINE = "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.";

/**
 * MEMORY USAGE key [SAMPLES count]: the value's bytes as its owner reports them plus the key's cost in
 * the index. SAMPLES is checked as Redis checks it; owners measure exactly, so it changes nothing.
 */
function usage(c: Client, s: Server): void {
  for (let j = 3; j < c.argc(); j += 2) {
    if (c.argString(j).toLowerCase() !== "samples" || j + 1 >= c.argc()) return c.writer.error(Err.syntax);
    const text = c.argString(j + 1);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return c.writer.error(Err.notInteger);
    if (Number(text) < 0) return c.writer.error(Err.syntax);
  }
  const db = s.keyspace.databases[c.db]!;
  const key = c.argBuffer(2);
  const id = db.lookup(key, 0, key.length, Date.now());
  if (id < 0) return c.writer.null();
  const type = s.keyspace.types.get(db.table.type(id));
  // A demoted value is measured where it is (its record's bytes), not promoted for the question.
  const tiers = s.keyspace.tiers;
  const valueBytes = tiers.isHot(db.table, id) ? type.owner.memoryUsage(type.local, db.table.handle(id)) : tiers.serializedLength(db.table, id);
  c.writer.int(valueBytes + db.table.entryBytes(id));
}

/** MEMORY STATS: Redis's fields where Ferrite has a value (no replication or AOF buffers: zeros); the scripting caches from the plugins (host API 1.8). */
function stats(c: Client, s: Server): void {
  const acc = s.memory.accounting;
  const used = acc.used();
  const dataset = acc.pluginBytes();
  const overhead = used - dataset;
  const keys = s.keyspace.totalKeys();
  const rss = process.memoryUsage.rss();
  const dbs = s.keyspace.databases.filter((db) => db.size > 0);
  // A plugin's figure named as one of Redis's (lua.caches) is that field's value; others follow functions.caches.
  const fromPlugins = new Map(pluginMemoryFields(s, MEMORY_STATS).map((f) => [f.name, f.value]));
  const own = (name: string) => {
    const v = fromPlugins.get(name) ?? 0;
    fromPlugins.delete(name);
    return v;
  };
  const w = c.writer;
  const int = (name: string, n: number) => (w.bulkString(name), w.int(n));
  const double = (name: string, d: number) => (w.bulkString(name), w.double(d));
  const lua = own("lua.caches");
  const functions = own("functions.caches");
  w.map(16 + dbs.length + fromPlugins.size);
  int("peak.allocated", acc.peak);
  int("total.allocated", used);
  int("startup.allocated", acc.jsBaseline);
  int("replication.backlog", 0);
  int("clients.slaves", 0);
  int("cluster.links", 0);
  int("aof.buffer", 0);
  int("lua.caches", lua);
  int("functions.caches", functions);
  for (const [name, value] of fromPlugins) int(name, value);
  for (const db of dbs) {
    w.bulkString(`db.${db.index}`);
    w.map(1);
    int("overhead.hashtable.main", db.table.memoryBytes());
  }
  int("overhead.total", overhead);
  int("keys.count", keys);
  int("keys.bytes-per-key", keys === 0 ? 0 : Math.floor((used - acc.jsBaseline) / keys));
  int("dataset.bytes", dataset);
  double("dataset.percentage", used === 0 ? 0 : (100 * dataset) / used);
  double("peak.percentage", acc.peak === 0 ? 0 : (100 * used) / acc.peak);
  double("fragmentation", rss / used);
}

function doctor(c: Client, s: Server): void {
  const acc = s.memory.accounting;
  const data = acc.used() - acc.jsBaseline;
  c.writer.verbatim(data < DOCTOR_MIN_BYTES ? DOCTOR_EMPTY : DOCTOR_FINE);
}

export const memoryHandlers: Record<string, CoreHandler> = {
  "memory|usage": usage,
  "memory|stats": stats,
  "memory|doctor": doctor,
  "memory|malloc-stats"(c) {
    c.writer.bulkString("Stats not supported for the current allocator");
  },
  // Redis asks jemalloc to return dirty pages; a plugin's wasm memory can only be given back by moving
  // its values into a fresh instance (docs/adr/0002-sandbox.md), done here for the plugins worth it.
  "memory|purge"(c, s) {
    s.plugins.compactAll();
    c.writer.ok();
  },
  "memory|help"(c) {
    replyHelp(c, HELP);
  },
};
