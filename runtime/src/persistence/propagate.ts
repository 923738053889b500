// What a write command appends to the AOF (docs/adr/0007-persistence.md, "What is logged"):
// - the command as received, when it is deterministic;
// - for write commands whose manifest has Redis's `nondeterministic_output` tip (SPOP, XADD, XCLAIM…) or
//   the `blocking` flag (a pop served later, or now: a replay must never block), their effect instead: RESTORE <key> <abs expiry> <payload> REPLACE ABSTTL for each of their keys that
//   exists afterwards, DEL for each that does not — through the type's save callback, so any plugin type
//   works without the host knowing what the command did;
// - after either, PEXPIREAT for each key whose expiry the command set (relative TTLs: SET EX, EXPIRE,
//   RESTORE without ABSTTL), so a replay at another time ends with the same absolute expiries.
import type { Command } from "../command/command-table.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { keyPositions } from "../command/command-keys.js";
import { encodeDump } from "../plugin/dump-payload.js";
import type { AofWriter } from "./aof-writer.js";
import type { AofKeyNotes } from "./aof-key-notes.js";

export function logsEffects(cmd: Command): boolean {
  return cmd.flags.has("blocking") || (cmd.spec.tips?.includes("nondeterministic_output") ?? false);
}

/** A command line a plugin asked to log in place of its command's (host API 1.7 replicate). */
export interface ReplicatedLine {
  db: number;
  argv: Buffer[];
}

/**
 * Append the command (or its effect) run in database `db` with arguments (src, offsets, lengths, argc);
 * or, when the command gave them, the `lines` it asked to log instead (host API 1.7 replicate).
 */
export function propagate(aof: AofWriter, ks: Keyspace, db: number, cmd: Command, src: Buffer, offsets: Int32Array, lengths: Int32Array, argc: number, now: number, notes: AofKeyNotes, lines: readonly ReplicatedLine[]): void {
  if (lines.length !== 0) for (const line of lines) aof.args(line.db, line.argv);
  else if (logsEffects(cmd)) logEffects(aof, ks, db, cmd, src, offsets, lengths, argc, now);
  else aof.command(db, src, offsets, lengths, argc);
  if (notes.keys.length === 0) return;
  const database = ks.databases[db];
  for (const key of notes.keys) {
    const id = database.lookup(key, 0, key.length, now);
    const at = id >= 0 ? database.table.expire(id) : 0;
    if (at !== 0) aof.args(db, ["PEXPIREAT", key, String(at)]);
  }
  notes.keys.length = 0;
}

function logEffects(aof: AofWriter, ks: Keyspace, db: number, cmd: Command, src: Buffer, offsets: Int32Array, lengths: Int32Array, argc: number, now: number): void {
  const argv: string[] = [];
  for (let i = 0; i < argc; i++) argv.push(src.toString("latin1", offsets[i], offsets[i] + lengths[i]));
  for (const pos of keyPositions(cmd.spec, argv, cmd.findKeys) ?? []) logKeyEffect(aof, ks, db, Buffer.from(argv[pos], "latin1"), now);
}

/** The key as it is now: RESTORE <key> <abs expiry> <payload> REPLACE ABSTTL, or DEL when it does not exist. */
export function logKeyEffect(aof: AofWriter, ks: Keyspace, db: number, key: Buffer, now: number): void {
  const database = ks.databases[db];
  const id = database.lookup(key, 0, key.length, now);
  if (id < 0) {
    aof.args(db, ["DEL", key]);
    return;
  }
  const type = ks.types.get(database.table.type(id));
  const payload = encodeDump(database.serialized(id), type.spec.name, database.serializedEncver(id));
  aof.args(db, ["RESTORE", key, String(database.table.expire(id)), payload, "REPLACE", "ABSTTL"]);
}
