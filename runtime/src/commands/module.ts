// MODULE LOAD/LOADEX/UNLOAD/LIST: installing and removing plugins at run time, with Redis's replies.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import type { ReplyWriter } from "../protocol/reply-writer.js";
import { UnloadRefused, type GivenConfigs } from "../plugin/module-admin.js";
import { log } from "../log.js";
import { replyHelp } from "./help.js";
import { QueuedCommand } from "../transactions/multi-state.js";

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

/**
 * Redis's sentence, kept verbatim so whatever matches it still does, then the reason on the same line
 * (a reason from a child's stderr may span lines: one line on the wire).
 */
function refuse(c: Client, path: string, e: unknown): void {
  const reason = (e as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
  log("warning", `Module ${path} failed to load: ${reason}`);
  c.writer.error(`${Err.loadFailed} Reason: ${reason}`);
}

/**
 * A client's MODULE LOAD completes asynchronously: the client is suspended (its pipelined commands wait
 * in its parser), the others keep being served, and the reply, the AOF entry and its next commands
 * follow once the plugin is in. Inside EXEC or an AOF replay the load is synchronous, as their
 * commands must be; the file checks are the same either way (plugin-file.ts).
 */
function load(c: Client, s: Server, path: string, args: string[], configs: GivenConfigs): void {
  if (!s.callContext.canBlock || c.replaying) {
    try {
      s.plugins.load(path, args, configs);
      c.writer.ok();
    } catch (e) {
      refuse(c, path, e);
    }
    return;
  }
  const command = s.commands.get("module")!.subcommands!.get(c.argString(1).toLowerCase())!;
  const request = new QueuedCommand(command, c.argv);
  const db = c.db;
  c.suspended = true;
  void s.plugins.loadAsync(path, args, configs).then(
    () => true,
    (e: unknown) => (refuse(c, path, e), false),
  ).then((loaded) => {
    c.suspended = false;
    if (loaded) {
      c.writer.ok();
      s.persistence.propagate(db, command, request.buf, request.argOffset, request.argLength, request.argc);
    }
    s.resume(c);
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
    const configs: [string, string][] = [];
    const args: string[] = [];
    let i = 3;
    for (; i < c.argc(); i++) {
      const word = c.argString(i).toLowerCase();
      if (word === "config" && i + 2 < c.argc()) {
        configs.push([c.argString(i + 1), c.argString(i + 2)]);
        i += 2;
      } else if (word === "args") {
        for (i++; i < c.argc(); i++) args.push(c.argString(i));
      } else {
        return c.writer.error(Err.syntax);
      }
    }
    load(c, s, c.argString(2), args, configs);
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
