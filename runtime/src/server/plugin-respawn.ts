// Moving every value of a plugin into a fresh instance of its module (docs/adr/0002-sandbox.md, "After a
// failure"). Two uses: recovery, after a fault left the plugin's heap inconsistent (the values are read
// out of the broken instance through the type's save callback, which touches only the value), and
// compaction, because a wasm32 memory never shrinks: only a new instance gives grown memory back.
import type { Instance, Plugin } from "../plugin/plugin.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import type { Database } from "../keyspace/database.js";
import type { ValueType } from "../keyspace/value-types.js";
import { log } from "../log.js";

export interface RespawnReport {
  moved: number;
  dropped: number;
  ms: number;
}

/** The same plugin's memory is this many times its live bytes, and at least this large: worth compacting. */
const WASTE_FACTOR = 4;
const WASTE_MIN_BYTES = 64 << 20;

/** Whether a new instance would give back most of the plugin's memory. */
export function worthCompacting(plugin: Plugin): boolean {
  const size = plugin.view().length;
  return size >= WASTE_MIN_BYTES && plugin.heapUsed() * WASTE_FACTOR <= size;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Start a fresh instance, move the plugin's state beyond its keys (aux) and every value it holds in
 * memory from `from` into it, and leave the plugin serving from it. Values demoted to a tier are already
 * serialized and stay where they are. A value whose save or load fails is dropped from the keyspace
 * with a log line. If the fresh instance cannot start, nothing changed and the error is thrown.
 */
export function respawn(keyspace: Keyspace, plugin: Plugin, from: Instance): RespawnReport {
  const start = performance.now();
  const serving = plugin.instance();
  let fresh: Instance;
  try {
    fresh = plugin.spawn();
  } catch (e) {
    plugin.attach(serving);
    throw e;
  }
  plugin.respawning = true;
  try {
    moveAux(plugin, from, fresh);
    const report = moveValues(keyspace, plugin, from, fresh);
    plugin.attach(fresh);
    // Room the tiers reserved in the old arena, so that a promotion inside a command still fits (Plugin.load).
    plugin.reserveLoadRoom(from.arenaCap);
    plugin.respawns++;
    plugin.droppedValues += report.dropped;
    return { ...report, ms: performance.now() - start };
  } finally {
    plugin.respawning = false;
  }
}

function moveAux(plugin: Plugin, from: Instance, fresh: Instance): void {
  let aux: Buffer | null = null;
  try {
    plugin.attach(from);
    aux = plugin.auxSave();
  } catch (e) {
    log("warning", `Plugin '${plugin.name}': its state beyond its keys could not be saved and is lost: ${describe(e)}`);
  }
  plugin.attach(fresh);
  if (aux && !plugin.auxLoad(aux)) log("warning", `Plugin '${plugin.name}': its fresh instance refused its state beyond its keys, which is lost`);
}

/**
 * Every value of `owner`'s types held in its memory, across databases: what moves to a fresh instance or a
 * new build (MODULE RELOAD). Values demoted to a tier are serialized already and are not visited.
 */
export function forEachHotValue(keyspace: Keyspace, owner: Plugin, visit: (db: Database, id: number, type: ValueType) => void): void {
  for (const db of keyspace.databases) {
    const table = db.table;
    table.scan(0, Number.MAX_SAFE_INTEGER, (id) => {
      const type = keyspace.types.get(table.type(id));
      if (type.owner === owner && keyspace.tiers.isHot(table, id)) visit(db, id, type);
    });
  }
}

function moveValues(keyspace: Keyspace, plugin: Plugin, from: Instance, fresh: Instance): { moved: number; dropped: number } {
  let moved = 0;
  let dropped = 0;
  forEachHotValue(keyspace, plugin, (db, id, type) => {
    const table = db.table;
    let handle = -1;
    let why = "its fresh instance could not load it";
    try {
      plugin.attach(from);
      const payload = plugin.save(type.local, table.handle(id));
      plugin.attach(fresh);
      handle = plugin.load(type.local, type.spec.encver, payload);
    } catch (e) {
      why = describe(e);
    }
    if (handle >= 0 && handle >>> 0 === handle) {
      table.setHandle(id, handle);
      moved++;
      return;
    }
    // Unbound without a free: the old handle means nothing to the fresh instance.
    const key = Buffer.alloc(table.keyLength(id));
    table.copyKey(id, key, 0);
    db.take(id);
    dropped++;
    log("warning", `Plugin '${plugin.name}': key '${key.toString("latin1")}' (db ${db.index}, type ${type.spec.name}) dropped while moving to a fresh instance: ${why}`);
  });
  return { moved, dropped };
}
