#!/usr/bin/env node
// ferrite-server [configfile] [--name value ...]: redis-server's command line, plus the built-in plugins
// from build/plugins loaded at startup (config builtin-plugins).
import { loadConfig, unclaimedDirectiveError } from "./config/command-line.js";
import { Server } from "./server/server.js";
import { builtinPlugins } from "./server/builtin-plugins.js";
import { configureLog, log } from "./log.js";
import { LoadRefused } from "./persistence/persistence.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  configureLog(config.get("loglevel"), config.get("logfile"));
  log("notice", `Ferrite starting (pid ${process.pid}, node ${process.version})`);
  const server = new Server(config);
  const paths = config.bool("builtin-plugins") ? builtinPlugins() : [];
  for (const line of config.all("loadmodule")) paths.push(line);
  for (const line of paths) {
    const [path, ...args] = line.split(" ");
    try {
      server.plugins.load(path, args);
    } catch (e) {
      log("warning", `Module ${path} failed to load: ${(e as Error).message}`);
      process.exit(1);
    }
  }
  // A directive no server config names may be a config of a plugin loaded just now; else it is unknown.
  const unclaimed = unclaimedDirectiveError(config);
  if (unclaimed) {
    process.stderr.write(`${unclaimed}\n`);
    process.exit(1);
  }
  const warmStart = performance.now();
  const warmed = server.warmUp();
  log("verbose", `Request path warmed up with ${warmed} commands in ${(performance.now() - warmStart).toFixed(0)} ms`);
  try {
    server.acl.loadFileAtStartup();
  } catch (e) {
    log("warning", (e as Error).message);
    process.exit(1);
  }
  try {
    server.persistence.loadAtStartup();
  } catch (e) {
    // As Redis on a bad RDB or AOF: refuse to start rather than serve a partial dataset.
    if (!(e instanceof LoadRefused)) throw e;
    log("warning", e.message);
    process.exit(1);
  }
  await server.listen();
  process.on("SIGTERM", () => void server.shutdown());
  process.on("SIGINT", () => void server.shutdown());
}

await main();
