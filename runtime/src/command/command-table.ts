// Name → command, for core commands and every loaded plugin's manifest commands. Lookup is by the raw
// argument bytes, case-insensitively, without building a string per command on the hot path.
import type { LatencyHistogram } from "./latency-histogram.js";
import type { CommandSpec } from "../../../host-api/manifest.js";
import { hasKeys, type KeyFinder } from "./command-keys.js";
import type { CommandArgs } from "../protocol/arg-list.js";

/**
 * What a command works with, named by the layers above through declaration merging: server/server.ts
 * adds `client` and `server`, plugin/plugin.ts adds `plugin`. The base layer cannot import those types
 * (ADR 0022): importing them here put Client, Server and Plugin behind every file that names a Command.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the layers above (declaration merging)
export interface CommandBindings {}
type Bound<K extends string> = CommandBindings extends Record<K, infer T> ? T : never;

/** The client a command runs for, and its server, as the layers below server/ may name them. */
export type CommandClient = Bound<"client">;
export type CommandServer = Bound<"server">;
export type CoreHandler = (client: CommandClient, server: CommandServer) => void;
type Plugin = Bound<"plugin">;

/**
 * Every command object has one shape (makeCommand builds them all, subcommands included), and what the
 * hot path reads of its spec is copied onto it: specs are parsed from manifests whose optional fields
 * give them many shapes, which made every `cmd.spec.name` megamorphic once several plugins had served.
 */
export interface Command {
  spec: CommandSpec;
  /** spec.name, spec.arity, and spec.id (-1 on a core command or a container). */
  name: string;
  arity: number;
  id: number;
  /** Core commands run in TypeScript; plugin commands carry their plugin and manifest id. */
  handler?: CoreHandler;
  plugin?: Plugin;
  /** Host API 1.8: the plugin's own finder of this command's keys (manifest key_finder), else null. */
  findKeys: KeyFinder | null;
  /**
   * Host API 1.9: the plugin's answer, for one call, to "does it write, deny OOM, may it replicate"
   * (manifest call_flags; EVAL's shebang, EVALSHA's script, FCALL's function), -1 for the static flags;
   * null for every other command. Asked by the gates only (command/call-flags.ts).
   */
  callFlags: ((args: CommandArgs) => number) | null;
  /** Subcommands by lower-case name (the part after `|`). */
  subcommands?: Map<string, Command>;
  flags: Set<string>;
  /** The `write` flag, read on every call (gates, keyspace_hits/misses): a field, not a Set lookup. */
  write: boolean;
  /**
   * A plugin's write command that names no key (FUNCTION LOAD, DELETE, FLUSH, RESTORE): it changes the
   * plugin's own state, so when it succeeds it counts as a change (Redis's server.dirty++) and goes to
   * the AOF as itself.
   */
  keylessWrite: boolean;
  /**
   * A script (ADR 0038): a plugin command of the `scripting` group that Redis keeps out of MONITOR
   * (EVAL, EVALSHA, FCALL and their _RO forms). It runs without a CPU budget and can be busy.
   */
  script: "eval" | "function" | null;
  /**
   * Redis's user deletes, which free lazily (lazyfree's counters, ADR 0050): UNLINK always, DEL under
   * lazyfree-lazy-user-del; null for every other command.
   */
  userDelete: "unlink" | "del" | null;
  calls: number;
  usec: number;
  failedCalls: number;
  rejectedCalls: number;
  /** LATENCY HISTOGRAM's distribution, made on its first call since start or CONFIG RESETSTAT (Redis's latency_histogram). */
  histogram: LatencyHistogram | null;
}

export function makeCommand(spec: CommandSpec, handler?: CoreHandler, plugin?: Plugin): Command {
  return {
    spec, name: spec.name, arity: spec.arity, id: spec.id ?? -1, handler, plugin, findKeys: null, callFlags: null, subcommands: undefined,
    flags: new Set(spec.flags), write: spec.flags.includes("write"),
    keylessWrite: plugin !== undefined && spec.flags.includes("write") && !hasKeys(spec), script: scriptKind(spec, plugin),
    userDelete: plugin !== undefined && (spec.name === "unlink" || spec.name === "del") ? spec.name : null, calls: 0, usec: 0, failedCalls: 0, rejectedCalls: 0,
    histogram: null,
  };
}

function scriptKind(spec: CommandSpec, plugin?: Plugin): Command["script"] {
  if (plugin === undefined || spec.doc?.group !== "scripting" || !spec.flags.includes("skip_monitor")) return null;
  return spec.name.startsWith("fcall") ? "function" : "eval";
}

const LOWER = new Uint8Array(256).map((_, i) => (i >= 65 && i <= 90 ? i + 32 : i));

function hashLower(buf: Uint8Array, off: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ LOWER[buf[off + i]], 0x01000193);
  return h >>> 0;
}

/** Whether the bytes buf[off, off+len) spell the command's name, in any case. */
function named(c: Command, buf: Uint8Array, off: number, len: number): boolean {
  const name = c.name;
  if (name.length !== len) return false;
  for (let i = 0; i < len; i++) if (name.charCodeAt(i) !== LOWER[buf[off + i]]) return false;
  return true;
}

export class CommandTable {
  private readonly byHash = new Map<number, Command[]>();
  private readonly byName = new Map<string, Command>();
  /** Bumped on every add and remove, so ACL selectors know to recompute which commands they allow. */
  version = 0;
  /** The command lookup() found last: clients mostly send runs of one command, so it is tried first. */
  private last: Command | undefined = undefined;

  add(command: Command): void {
    const name = command.spec.name;
    if (this.byName.has(name)) throw new Error(`command '${name}' already exists`);
    this.byName.set(name, command);
    this.version++;
    const key = Buffer.from(name, "latin1");
    const h = hashLower(key, 0, key.length);
    const bucket = this.byHash.get(h) ?? [];
    bucket.push(command);
    this.byHash.set(h, bucket);
  }

  remove(name: string): void {
    const command = this.byName.get(name);
    if (!command) return;
    if (this.last === command) this.last = undefined;
    this.byName.delete(name);
    this.version++;
    const key = Buffer.from(name, "latin1");
    const h = hashLower(key, 0, key.length);
    const bucket = this.byHash.get(h)!.filter((c) => c !== command);
    if (bucket.length) this.byHash.set(h, bucket);
    else this.byHash.delete(h);
  }

  get(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  lookup(buf: Uint8Array, off: number, len: number): Command | undefined {
    const last = this.last;
    if (last !== undefined && named(last, buf, off, len)) return last;
    const bucket = this.byHash.get(hashLower(buf, off, len));
    if (!bucket) return undefined;
    for (const c of bucket) {
      if (!named(c, buf, off, len)) continue;
      this.last = c;
      return c;
    }
    return undefined;
  }

  all(): IterableIterator<Command> {
    return this.byName.values();
  }

  get size(): number {
    return this.byName.size;
  }
}
