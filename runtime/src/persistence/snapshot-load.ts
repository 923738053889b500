// Loading a snapshot in two passes: the first reads every block, checks checksums, the END block and
// that a loaded plugin (or one the file names, loaded again from its recorded path) defines every type;
// only then does the second pass create keys. A bad file therefore fails before the keyspace changes.
import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import type { Keyspace } from "../keyspace/keyspace.js";
import type { CommandServer } from "../command/command-table.js";

/** The server's plugin registry (server/plugin-registry.ts), named through the server's type. */
type PluginRegistry = CommandServer["plugins"];
import { log } from "../log.js";
import { BlockKind, checkHeader, HEADER_BYTES, openBlock, readKeys, SnapshotCorrupt, type SnapshotMeta } from "./snapshot-format.js";
import { ProgressLog } from "./progress.js";

/** Why a snapshot cannot be loaded; the server refuses to start with this message. */
export class LoadRefused extends Error {}

function* blocks(path: string): Generator<{ kind: BlockKind; payload: Buffer; offset: number; size: number }> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, head, 0, HEADER_BYTES, 0) !== HEADER_BYTES) throw new SnapshotCorrupt("file too short for a header");
    checkHeader(head);
    let at = HEADER_BYTES;
    const frame = Buffer.alloc(5);
    for (;;) {
      if (readSync(fd, frame, 0, 5, at) !== 5) throw new SnapshotCorrupt("unexpected end of file (no END block)");
      const len = frame.readUInt32LE(1);
      if (at + 9 + len > size) throw new SnapshotCorrupt("unexpected end of file inside a block");
      const framed = Buffer.allocUnsafe(9 + len);
      readSync(fd, framed, 0, framed.length, at);
      at += framed.length;
      const block = openBlock(framed);
      yield { ...block, offset: at, size };
      if (block.kind === BlockKind.End) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Pass 1: the file is whole and every type it names has an owner. Returns its metadata. */
export function checkSnapshot(path: string, keyspace: Keyspace, plugins: PluginRegistry): SnapshotMeta {
  let meta: SnapshotMeta | null = null;
  const typeNames = new Set<string>();
  /** Per type, the first key stored at the highest encver seen. */
  const newest = new Map<string, Newest>();
  try {
    for (const b of blocks(path)) {
      if (b.kind === BlockKind.Meta) meta = JSON.parse(b.payload.toString("utf8")) as SnapshotMeta;
      else if (b.kind === BlockKind.Keys)
        for (const e of readKeys(b.payload)) {
          typeNames.add(e.typeName);
          const seen = newest.get(e.typeName);
          if (!seen || e.encver > seen.encver) newest.set(e.typeName, { encver: e.encver, key: Buffer.from(e.key).toString("latin1"), db: b.payload.readUInt32LE(0) });
        }
    }
  } catch (e) {
    if (e instanceof SnapshotCorrupt || e instanceof SyntaxError) throw new LoadRefused(`Short read or corrupt snapshot ${path}: ${e.message}`);
    throw e;
  }
  if (!meta) throw new LoadRefused(`Snapshot ${path} has no metadata block`);
  reloadPlugins(meta, plugins, typeNames);
  for (const name of typeNames) {
    if (!keyspace.types.named(name))
      throw new LoadRefused(`The snapshot ${path} holds keys of type '${name}', which no loaded plugin defines: load the plugin that defines it (loadmodule) or remove the file`);
  }
  checkVersions(meta, keyspace, plugins, newest, path);
  return meta;
}

interface Newest {
  encver: number;
  key: string;
  db: number;
}

/**
 * A plugin of another version than the snapshot's loads with a warning; a value stored at an encver newer
 * than its type's is refused before any key is created (an older build cannot be assumed to read it).
 */
function checkVersions(meta: SnapshotMeta, keyspace: Keyspace, plugins: PluginRegistry, newest: Map<string, Newest>, path: string): void {
  const recorded = new Map(meta.plugins.map((p) => [p.name, p.version]));
  for (const plugin of plugins.all()) {
    const then = recorded.get(plugin.name);
    if (then !== undefined && then !== plugin.manifest.version)
      log("warning", `Plugin '${plugin.name}' is ${plugin.manifest.version}; the snapshot ${path} was taken with ${then}`);
  }
  for (const [name, at] of newest) {
    const type = keyspace.types.named(name)!;
    if (at.encver <= type.spec.encver) continue;
    const then = recorded.get(type.owner.name);
    throw new LoadRefused(`The snapshot ${path} cannot be loaded: key '${at.key}' (db ${at.db}) of type '${name}' is stored at encver ${at.encver}, ` +
      `newer than the encver ${type.spec.encver} that plugin '${type.owner.name}' ${plugins.get(type.owner.name)?.manifest.version} reads` +
      `${then ? ` (the snapshot was taken with ${then})` : ""}: load that version or a newer one`);
  }
}

/** Plugins loaded with MODULE LOAD when the snapshot was taken are loaded again from their recorded path. */
function reloadPlugins(meta: SnapshotMeta, plugins: PluginRegistry, typeNames: Set<string>): void {
  for (const rec of meta.plugins) {
    if (plugins.get(rec.name)) continue;
    try {
      plugins.load(rec.path, rec.args);
      log("notice", `Plugin '${rec.name}' loaded again from ${rec.path}, as recorded in the snapshot`);
    } catch (e) {
      const used = rec.types.filter((t) => typeNames.has(t));
      const why = used.length ? `holds keys of type '${used.join("', '")}' defined by plugin` : "was taken with plugin";
      throw new LoadRefused(`The snapshot ${why} '${rec.name}', which could not be loaded again from ${rec.path}: ${(e as Error).message}`);
    }
  }
}

/** Each plugin's own state (ferrite_aux_save) goes back before any key: a plugin that refuses it stops the load. */
export function restoreAux(meta: SnapshotMeta, plugins: PluginRegistry, path: string): void {
  for (const rec of meta.plugins) {
    if (rec.aux === undefined) continue;
    const plugin = plugins.get(rec.name);
    let why = "it refused the bytes";
    try {
      if (plugin?.auxLoad(Buffer.from(rec.aux, "base64"))) continue;
    } catch (e) {
      why = (e as Error).message;
    }
    throw new LoadRefused(`Plugin '${rec.name}' could not restore its own state stored in ${path} (ferrite_aux_load): ${why}`);
  }
}

/** Pass 2: create the keys (expired ones are skipped, as a Redis master does). Returns [loaded, expired]. */
export function applySnapshot(path: string, keyspace: Keyspace, what: string): [number, number] {
  const now = Date.now();
  const progress = new ProgressLog(what);
  let loaded = 0;
  let expired = 0;
  for (const b of blocks(path)) {
    if (b.kind !== BlockKind.Keys) continue;
    const db = keyspace.databases[b.payload.readUInt32LE(0)];
    if (!db) throw new LoadRefused(`The snapshot ${path} has a database index beyond 'databases'`);
    const blockIds: number[] = [];
    for (const e of readKeys(b.payload)) {
      if (e.expire !== 0 && e.expire <= now) {
        expired++;
        continue;
      }
      const type = keyspace.types.named(e.typeName)!;
      const handle = type.owner.load(type.local, e.encver, e.value);
      if (handle < 0)
        throw new LoadRefused(`Plugin '${type.owner.name}' refused the value of key '${Buffer.from(e.key).toString("latin1")}' (db ${db.index}) of type '${e.typeName}' ` +
          `stored at encver ${e.encver} in ${path} (it writes encver ${type.spec.encver})`);
      const existing = db.lookup(e.key, 0, e.key.length, now);
      const id = existing >= 0 ? existing : db.insert(e.key, 0, e.key.length, type.id, handle, now);
      if (existing >= 0) db.replace(id, type.id, handle);
      db.table.setExpire(id, e.expire);
      blockIds.push(id);
      loaded++;
    }
    // Loading runs alone: demote as the blocks come in, so a dataset larger than the hot budget (or RAM)
    // is never all in plugin memory at once.
    keyspace.tiers.settleLoaded(db.table, blockIds);
    progress.at(b.offset, b.size);
  }
  return [loaded, expired];
}
