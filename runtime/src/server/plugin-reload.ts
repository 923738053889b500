// MODULE RELOAD's two halves that know nothing of commands or configs: whether a new build may take over
// a loaded plugin's values, and moving those values into it (docs/adr/0041-module-reload.md). Both run
// before anything changes; the registry swaps the plugin only once every value has moved.
import type { Manifest } from "../../../host-api/manifest.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import type { KeyTable } from "../keyspace/key-table.js";
import { LoadError } from "../plugin/load-error.js";
import type { Plugin } from "../plugin/plugin.js";
import { forEachHotValue } from "./plugin-respawn.js";

/** Refuses a build that is another plugin, drops a type, or lowers a type's encver (it cannot be assumed to read newer data). */
export function checkUpgrade(old: Plugin, m: Manifest): void {
  if (m.name !== old.name) throw new LoadError(`the file holds plugin '${m.name}', not '${old.name}'`);
  for (const t of old.manifest.types) {
    const next = m.types.find((n) => n.name === t.name);
    if (!next) throw new LoadError(`plugin '${m.name}' ${m.version} does not define type '${t.name}', which ${old.manifest.version} defines`);
    if (next.encver < t.encver)
      throw new LoadError(`plugin '${m.name}' ${m.version} writes type '${t.name}' at encver ${next.encver}, older than the encver ${t.encver} of the loaded ${old.manifest.version}: a downgrade cannot read newer data`);
  }
}

/** A value moved into the new build, not yet in the keyspace. */
interface Moved {
  table: KeyTable;
  id: number;
  handle: number;
}

/** What `migrate` did; `swap` puts the new handles in place. */
export interface Migration {
  moved: Moved[];
  ms: number;
}

function keyName(table: KeyTable, id: number): string {
  const key = Buffer.alloc(table.keyLength(id));
  table.copyKey(id, key, 0);
  return key.toString("latin1");
}

/**
 * Every hot value of `old`'s types, saved by the old build and loaded by `fresh` with the encver it was
 * saved at. Keys are not touched: the first refusal throws naming the key and both versions, and the
 * caller drops `fresh` whole. Values demoted to a tier keep their bytes and encver; the new build reads
 * them when they are promoted, as after a restart.
 */
export function migrate(keyspace: Keyspace, old: Plugin, fresh: Plugin): Migration {
  const start = performance.now();
  const local = new Map(old.types.map((t) => [t.id, fresh.manifest.types.findIndex((n) => n.name === t.spec.name)]));
  const moved: Moved[] = [];
  forEachHotValue(keyspace, old, (db, id, type) => {
    const table = db.table;
    let handle = -1;
    let why = "";
    try {
      handle = fresh.load(local.get(type.id)!, type.spec.encver, old.save(type.local, table.handle(id)));
    } catch (e) {
      why = ` (${(e as Error).message})`;
    }
    if (handle < 0 || handle >>> 0 !== handle) {
      const next = fresh.manifest.types[local.get(type.id)!];
      throw new LoadError(`plugin '${old.name}' ${fresh.manifest.version} cannot read key '${keyName(table, id)}' (db ${db.index}) of type '${type.spec.name}' ` +
        `saved by ${old.manifest.version} at encver ${type.spec.encver} (it writes encver ${next.encver})${why}: nothing was changed`);
    }
    moved.push({ table, id, handle });
  });
  return { moved, ms: performance.now() - start };
}

/**
 * The keys now hold the new build's handles, and each type the old build defined is the new build's,
 * under the same type id, so every key keeps its type, expiry and LRU/LFU as they were (types the new
 * build adds are registered by the caller).
 */
export function swap(old: Plugin, fresh: Plugin, migration: Migration): void {
  for (const m of migration.moved) m.table.setHandle(m.id, m.handle);
  for (const type of old.types) {
    const local = fresh.manifest.types.findIndex((n) => n.name === type.spec.name);
    type.owner = fresh;
    type.spec = fresh.manifest.types[local];
    type.local = local;
  }
}
