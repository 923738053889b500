// What a plugin's host imports reach beyond the plugin itself, injected by the server (its composition
// root) rather than imported: the plugin host sits below the services it uses (issue 12, ADR 0022).
// One HostServices per server; every plugin of that server shares it.
import type { Keyspace } from "../keyspace/keyspace.js";
import type { KeyEvents } from "../keyspace/key-events.js";
import type { CommandTable } from "../command/command-table.js";
import type { ErrorCounter } from "../protocol/reply-writer.js";
import type { CallContext } from "./call-context.js";
import { CommandCaller, type InnerCallGate } from "./call-command.js";
import type { Plugin } from "./plugin.js";
import { PluginFunctions } from "./plugin-functions.js";
import { PluginCaller } from "./plugin-caller.js";

/** Keyspace events as the plugin host uses them: raised, subscribed to, silenced, mirrored. */
export interface PluginEvents extends KeyEvents {
  /** event_subscribe: set `plugin`'s class mask (0 ends its subscription). */
  subscribe(plugin: Plugin, mask: number): void;
  /** call_command's NO_EVENTS: silence events (nestable) while the called command runs. */
  silence(on: boolean): void;
  /** ferrite_event_mask: keep the i32 at `ptr` in `plugin`'s memory equal to the listened classes. */
  mirrorListened(plugin: Plugin, ptr: number): void;
  /** The plugin is gone: its subscription and mirror with it. */
  forget(plugin: Plugin): void;
}

/** What a command asked for through block_on_keys during its run. */
export interface BlockRequest {
  first: number;
  last: number;
  step: number;
  timeoutMs: number;
  flags: number;
  data: Buffer;
}

/** Clients blocked on keys, as the blocking imports see them (the server's Blocking). */
export interface BlockingState {
  /** Set by block_on_keys during the current run; read by the dispatcher once the run returns. */
  request: BlockRequest | null;
  /** The blocked command being run again (its block_context data), or null for a fresh command. */
  readonly rerun: { readonly data: Buffer } | null;
  /** key_signal_ready: clients waiting on the key get a chance once the current command is done. */
  signal(db: number, key: Uint8Array, off: number, len: number): void;
}

/** Plugins' timers (host API 1.7 timer_create/timer_cancel): kept and run by the server (server/plugin-timers.ts). */
export interface PluginTimerService {
  /** Run `plugin`'s ferrite_timer(id, payload) in database `db` after `delayMs`; returns the id (>= 1). */
  create(plugin: Plugin, delayMs: number, payload: bigint, db: number): number;
  /** True when `plugin`'s timer `id` was pending and is now cancelled. */
  cancel(plugin: Plugin, id: number): boolean;
  /** The plugin is unloaded: its pending timers are dropped. */
  forget(plugin: Plugin): void;
}

/** Database events (host API 1.7 db_event_subscribe): flushes and swaps told to the plugins subscribed. */
export interface PluginDatabaseEvents {
  /** Set `plugin`'s event mask (0 ends its subscription). */
  subscribe(plugin: Plugin, mask: number): void;
  forget(plugin: Plugin): void;
}

/** replicate (host API 1.7): the lines a command asks to log in place of its own (the server's Persistence). */
export interface PluginReplication {
  /** False while nothing would log the lines (the AOF is off, or loading): replicate then copies nothing. */
  readonly wanted: boolean;
  replicate(db: number, argv: Buffer[]): void;
}

export interface HostServices {
  keyspace: Keyspace;
  commands: CommandTable;
  /** The state of the plugin call running now (reply buffer, database, clock, sandbox). */
  ctx: CallContext;
  events: PluginEvents;
  blocking: BlockingState;
  /** Checks the commands a plugin runs through call_command as the server checks a client's. */
  calls: InnerCallGate;
  /** Counts the error replies of those commands with the server's. */
  errors: ErrorCounter;
  timers: PluginTimerService;
  databaseEvents: PluginDatabaseEvents;
  replication: PluginReplication;
  /** call_command's runner, made from the services above (hostServices() below). */
  caller: CommandCaller;
  /** Host API 1.8: the functions loaded plugins offer (kept by the plugin registry), and plugin_call's runner. */
  functions: PluginFunctions;
  pluginCaller: PluginCaller;
  /** Host API 1.9 config_string: the text of `plugin`'s string config number `index`, null if it has none there. */
  configText(plugin: Plugin, index: number): string | null;
}

/** HostServices with its command and function runners made from the rest. */
export function hostServices(services: Omit<HostServices, "caller" | "functions" | "pluginCaller">): HostServices {
  const host = { ...services } as HostServices;
  host.caller = new CommandCaller(host);
  host.functions = new PluginFunctions();
  host.pluginCaller = new PluginCaller(host);
  return host;
}
