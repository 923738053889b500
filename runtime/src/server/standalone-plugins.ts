// Plugins hosted without a server — no sockets, no clients — wired as the server wires them (its own
// keyspace, notifications, call context): for the unit tests and micro benchmarks that drive plugin
// commands directly. A server builds the same pieces itself (server.ts).
import type { Keyspace } from "../keyspace/keyspace.js";
import { tieredKeyspace } from "../tiers/tiered-keyspace.js";
import { CommandTable } from "../command/command-table.js";
import { Config } from "../config/config.js";
import { CallContext } from "../plugin/call-context.js";
import { NO_CLIENT_CALLS } from "../plugin/call-command.js";
import { hostServices, type HostServices } from "../plugin/host-services.js";
import { Notifications } from "../notifications/notify.js";
import { PubSub } from "../pubsub/registry.js";
import { ErrorStats } from "../observability/error-stats.js";
import { PluginRegistry } from "./plugin-registry.js";
import { Blocking } from "./blocking.js";
import { PluginTimers } from "../plugin/plugin-timers.js";
import { DatabaseEvents } from "../notifications/database-events.js";

export interface StandalonePlugins {
  keyspace: Keyspace;
  commands: CommandTable;
  ctx: CallContext;
  notifications: Notifications;
  host: HostServices;
  registry: PluginRegistry;
}

/** `maxBytes`: plugin-max-memory and plugin-max-file-size. */
export function standalonePlugins(maxBytes: number, databases = 16): StandalonePlugins {
  const ctx = new CallContext();
  const notifications = new Notifications(new PubSub((c) => c.flush()), ctx);
  const keyspace = tieredKeyspace(databases, undefined, notifications);
  const commands = new CommandTable();
  const host = hostServices({
    keyspace, commands, ctx, events: notifications, blocking: new Blocking(keyspace), calls: NO_CLIENT_CALLS, errors: new ErrorStats(),
    // No event loop of a server's to run callbacks on: timers are kept, and never run.
    timers: new PluginTimers(() => undefined),
    databaseEvents: new DatabaseEvents(ctx, keyspace),
    replication: { wanted: false, replicate: () => undefined }, // no AOF
    configText: (plugin, index) => registry.configText(plugin, index),
  });
  const registry = new PluginRegistry(host, () => ({ maxMemory: maxBytes, maxFileSize: maxBytes }), new Config());
  return { keyspace, commands, ctx, notifications, host, registry };
}
