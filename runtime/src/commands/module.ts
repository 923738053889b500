// MODULE LOAD/LOADEX/UNLOAD/LIST: installing and removing plugins at run time, with Redis's replies;
// MODULE RELOAD, Ferrite's: a new build of a plugin taking over its keys.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import type { ReplyWriter } from "../protocol/reply-writer.js";
import { UnloadRefused, type GivenConfigs, type Reloaded } from "../plugin/module-admin.js";
import { log } from "../log.js";
import { replyHelp } from "./help.js";
import { QueuedCommand } from "../transactions/multi-state.js";
import { routeCommand } from "../command/route-command.js";

export interface ModuleEntry {
  name: string;
  ver: number;
  path: string;
  args: string[];
}

/** Redis reports a module version as one integer; ours are semver, folded as major*10000+minor*100+patch. */
function versionNumber(semver: string): number {
  const [major = 0, minor = 0, patch = 0] = semver.split(/[.-]/).map((x) => Number(x) || 0);
  return major * 10000 + minor * 100 + patch;
}

export function moduleListEntries(s: Server): ModuleEntry[] {
  return [...s.plugins.all()].map((p) => ({ name: p.name, ver: versionNumber(p.manifest.version), path: p.path, args: p.args }));
}

export function writeModuleEntry(w: ReplyWriter, m: ModuleEntry): void {
  w.map(4);
  w.bulkString("name"); w.bulkString(m.name);
  w.bulkString("ver"); w.int(m.ver);
  w.bulkString("path"); w.bulkString(m.path);
  w.bulkString("args");
  w.array(m.args.length);
  for (const a of m.args) w.bulkString(a);
}

/** Why a load or reload failed, on one line (a reason from a child's stderr may span lines). */
function reasonOf(e: unknown): string {
  return (e as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
}

/** Redis's sentence, kept verbatim so whatever matches it still does, then the reason on the same line. */
function refuseLoad(c: Client, path: string, e: unknown): void {
  const reason = reasonOf(e);
  log("warning", `Module ${path} failed to load: ${reason}`);
  c.writer.error(`${Err.loadFailed} Reason: ${reason}`);
}

function refuseReload(c: Client, name: string, e: unknown): void {
  const reason = reasonOf(e);
  log("warning", `Module ${name} not reloaded: ${reason}`);
  c.writer.error(`ERR Error reloading module: ${reason}`);
}

/** A load or reload, done at once or off the event loop, and what to answer when it fails. */
interface Installation {
  now(): void;
  later(): Promise<unknown>;
  refuse(e: unknown): void;
}

/**
 * A client's MODULE LOAD / RELOAD completes asynchronously: the client is suspended (its pipelined
 * commands wait in its parser), the others keep being served, and the reply, the AOF entry and its next
 * commands follow once the plugin is in. Inside EXEC or an AOF replay it is synchronous, as their
 * commands must be; the file checks are the same either way (plugin-file.ts).
 */
function install(c: Client, s: Server, how: Installation): void {
  if (!s.callContext.canBlock || c.replaying) {
    try {
      how.now();
      c.writer.ok();
    } catch (e) {
      how.refuse(e);
    }
    return;
  }
  const command = s.commands.get("module")!.subcommands!.get(c.argString(1).toLowerCase())!;
  const request = new QueuedCommand(command, c.argv);
  const db = c.db;
  c.suspended = true;
  void how.later().then(
    () => true,
    (e: unknown) => (how.refuse(e), false),
  ).then((done) => {
    c.suspended = false;
    if (done) {
      c.writer.ok();
      s.persistence.propagate(db, command, request.buf, request.argOffset, request.argLength, request.argc);
    }
    s.resume(c);
  });
}

function load(c: Client, s: Server, path: string, args: string[], configs: GivenConfigs): void {
  install(c, s, {
    now: () => s.plugins.load(path, args, configs),
    later: () => s.plugins.loadAsync(path, args, configs),
    refuse: (e) => refuseLoad(c, path, e),
  });
}

/** LOADEX's and RELOAD's `[CONFIG name value …] [ARGS …]` from argument `from`; null on a syntax error. */
function configsAndArgs(c: Client, from: number): { configs: [string, string][]; args: string[] | undefined } | null {
  const configs: [string, string][] = [];
  let args: string[] | undefined;
  for (let i = from; i < c.argc(); i++) {
    const word = c.argString(i).toLowerCase();
    if (word === "config" && i + 2 < c.argc()) {
      configs.push([c.argString(i + 1), c.argString(i + 2)]);
      i += 2;
    } else if (word === "args") {
      args = [];
      for (i++; i < c.argc(); i++) args.push(c.argString(i));
    } else {
      return null;
    }
  }
  return { configs, args };
}

/**
 * Clients blocked on the old build's commands wait on the new build's command of the same name; one
 * whose command is gone gets an error and its pipelined commands run.
 */
function rebindBlocked(s: Server, name: string): void {
  const orphans = s.blocking.rebind((bc) => {
    const plugin = bc.command.plugin;
    if (plugin?.name !== name || s.plugins.get(name) === plugin) return undefined;
    // What the client's own arguments name now, as EXEC resolves a queued command of a replaced plugin.
    const next = routeCommand(s.commands, bc.args, bc.offsets, bc.lengths, bc.offsets.length);
    return typeof next === "string" ? null : next;
  });
  for (const bc of orphans) {
    bc.client.writer.error(`ERR plugin '${name}' was reloaded without the command '${bc.command.spec.name}' this client was blocked on`);
    s.blocking.unblock(bc);
    s.resume(bc.client);
  }
}

function reload(c: Client, s: Server, name: string, path: string | undefined, args: string[] | undefined, configs: GivenConfigs): void {
  const report = (r: Reloaded) => {
    rebindBlocked(s, name);
    log("notice", `MODULE RELOAD ${name}: ${r.from} -> ${r.to}, ${r.moved} values moved in ${r.ms.toFixed(1)} ms`);
  };
  install(c, s, {
    now: () => report(s.plugins.reload(name, path, args, configs)),
    later: () => s.plugins.reloadAsync(name, path, args, configs).then(report),
    refuse: (e) => refuseReload(c, name, e),
  });
}

export const moduleHandlers: Record<string, CoreHandler> = {
  "module|help"(c) {
    replyHelp(c, [
      "LIST",
      "    Return a list of loaded modules.",
      "LOAD <path> [<arg> ...]",
      "    Load a module library from <path>, passing to it any optional arguments.",
      "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
      "    Load a module library from <path>, while passing it module configurations and optional arguments.",
      "UNLOAD <name>",
      "    Unload a module.",
      "RELOAD <name> [<path>] [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
      "    Replace a loaded module with a new build of it (from <path>, else its own), keeping its keys.",
    ]);
  },
  "module|list"(c, s) {
    const entries = moduleListEntries(s);
    c.writer.array(entries.length);
    for (const m of entries) writeModuleEntry(c.writer, m);
  },
  "module|load"(c, s) {
    const args = [];
    for (let i = 3; i < c.argc(); i++) args.push(c.argString(i));
    load(c, s, c.argString(2), args, []);
  },
  "module|loadex"(c, s) {
    const rest = configsAndArgs(c, 3);
    if (!rest) return c.writer.error(Err.syntax);
    load(c, s, c.argString(2), rest.args ?? [], rest.configs);
  },
  /** Ferrite's: MODULE RELOAD name [path] [CONFIG name value …] [ARGS …] (docs/adr/0041-module-reload.md). */
  "module|reload"(c, s) {
    const word = c.argc() > 3 ? c.argString(3).toLowerCase() : "";
    const path = c.argc() > 3 && word !== "config" && word !== "args" ? c.argString(3) : undefined;
    const rest = configsAndArgs(c, path === undefined ? 3 : 4);
    if (!rest) return c.writer.error(Err.syntax);
    reload(c, s, c.argString(2), path, rest.args, rest.configs);
  },
  "module|unload"(c, s) {
    try {
      s.plugins.unload(c.argString(2));
      c.writer.ok();
    } catch (e) {
      if (!(e instanceof UnloadRefused)) throw e;
      c.writer.error(`ERR Error unloading module: ${e.message}`);
    }
  },
};
