// Core commands: the few the runtime answers itself (connection, server and plugin management). Their
// metadata comes from specs/*.json (copied from redis-server), the same shape plugin manifests use.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CORE_SPECS_DIR } from "../paths.js";
import type { CommandSpec } from "../../../host-api/manifest.js";
import { makeCommand, type CoreHandler, type CommandServer as Server } from "../command/command-table.js";
import { connectionHandlers } from "./connection.js";
import { databaseHandlers } from "./database.js";
import { clientHandlers } from "./client.js";
import { commandHandlers } from "./command.js";
import { configHandlers } from "./config.js";
import { infoHandlers } from "./info.js";
import { moduleHandlers } from "./module.js";
import { pubsubHandlers } from "./pubsub.js";
import { aclHandlers } from "./acl.js";
import { memoryHandlers } from "./memory.js";
import { slowlogHandlers } from "./slowlog.js";
import { latencyHandlers } from "./latency.js";
import { monitorHandlers } from "./monitor.js";
import { clientControlHandlers } from "./client-controls.js";
import { clientTrackingHandlers } from "./client-tracking.js";
import { persistenceHandlers } from "./persistence.js";
import { transactionHandlers } from "./transactions.js";
import { tierHandlers } from "./tier.js";
import { clusterHandlers } from "./cluster.js";


const handlers: Record<string, CoreHandler> = {
  ...connectionHandlers, ...databaseHandlers, ...clientHandlers, ...commandHandlers, ...configHandlers, ...infoHandlers, ...moduleHandlers,
  ...pubsubHandlers, ...aclHandlers, ...memoryHandlers, ...slowlogHandlers, ...latencyHandlers, ...monitorHandlers, ...clientControlHandlers,
  ...clientTrackingHandlers, ...persistenceHandlers, ...transactionHandlers, ...tierHandlers, ...clusterHandlers,
};

export function loadCoreSpecs(): CommandSpec[] {
  return readdirSync(CORE_SPECS_DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(CORE_SPECS_DIR, f), "utf8")));
}

export function registerCoreCommands(server: Server): void {
  const missing: string[] = [];
  const bind = (spec: CommandSpec) => {
    const handler = handlers[spec.name];
    if (!handler && !spec.subcommands?.length) missing.push(spec.name);
    return makeCommand(spec, handler);
  };
  for (const spec of loadCoreSpecs()) {
    const command = bind(spec);
    if (spec.subcommands?.length) command.subcommands = new Map(spec.subcommands.map((s) => [s.name.split("|")[1], bind(s)]));
    server.commands.add(command);
  }
  if (missing.length) throw new Error(`core commands without a handler: ${missing.join(", ")}`);
}
