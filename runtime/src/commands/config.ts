// CONFIG GET/SET/RESETSTAT/REWRITE over the config table (runtime/src/config), with Redis's replies: a
// map for GET, all-or-nothing SET with configSetCommand's error texts.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { Err } from "../errors.js";
import { log } from "../log.js";
import { configLines, rewriteConfigText } from "../config/rewrite.js";
import type { ConfigDef } from "../config/config-def.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { globMatch } from "../keyspace/glob.js";
import { replyHelp } from "./help.js";
import { allowsProtected } from "../acl/outside-access.js";

const HELP = [
  "GET <pattern>",
  "    Return parameters matching the glob-like <pattern> and their values.",
  "SET <directive> <value>",
  "    Set the configuration <directive> to <value>.",
  "RESETSTAT",
  "    Reset statistics reported by the INFO command.",
  "REWRITE",
  "    Rewrite the configuration file.",
];

const GLOB_CHARS = /[[*?]/;

/** A repeatable startup directive (loadmodule) is not a config with one value, as in Redis. */
function readable(def: ConfigDef | undefined): def is ConfigDef {
  return def !== undefined && !def.repeatable;
}

function get(c: Client, s: Server): void {
  // Reply name → config. An alias is a name of its own, as in Redis 7 (`hash-max-*` answers both
  // hash-max-listpack-entries and hash-max-ziplist-entries); an exact name is answered as spelled.
  const matches = new Map<string, [string, ConfigDef]>();
  const add = (name: string, def: ConfigDef) => {
    if (!matches.has(name.toLowerCase())) matches.set(name.toLowerCase(), [name, def]);
  };
  for (let i = 2; i < c.argc(); i++) {
    const pattern = c.argString(i);
    if (!GLOB_CHARS.test(pattern)) {
      const def = s.config.def(pattern);
      if (readable(def)) add(pattern, def);
      continue;
    }
    const p = Buffer.from(pattern, "latin1");
    for (const def of s.config.visible()) {
      if (!readable(def)) continue;
      for (const name of [def.name, ...(def.aliases ?? [])]) {
        const n = Buffer.from(name, "latin1");
        if (globMatch(p, 0, p.length, n, 0, n.length, true)) add(name, def);
      }
    }
  }
  c.writer.map(matches.size);
  for (const [name, def] of matches.values()) {
    c.writer.bulkLatin1(name);
    c.writer.bulkString(s.config.get(def.name));
  }
}

function set(c: Client, s: Server): void {
  const argc = c.argc();
  if (argc % 2) return c.writer.error(Err.syntax);
  const changes: [ConfigDef, string][] = [];
  for (let i = 2; i < argc; i += 2) {
    const name = c.argString(i);
    const def = s.config.def(name);
    if (!readable(def)) return c.writer.error(`ERR Unknown option or number of arguments for CONFIG SET - '${name}'`);
    if (changes.some(([seen]) => seen === def))
      return c.writer.error(`ERR CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`);
    changes.push([def, c.argString(i + 1)]);
  }
  const failed = s.config.setAtRuntime(changes, allowsProtected(s.config, "enable-protected-configs", c));
  if (failed) {
    const name = c.argString(2 + failed.index * 2);
    return c.writer.error(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${failed.error}`);
  }
  c.writer.ok();
}

/** CONFIG REWRITE: the config file the server started with, rewritten as Redis does (config/rewrite.ts), replaced whole. */
function rewrite(c: Client, s: Server): void {
  const config = s.config;
  const file = config.file;
  if (file === "") return c.writer.error("ERR The server is running without a config file");
  try {
    let old = "";
    try {
      old = readFileSync(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    const configs = config.every().map((d) => configLines(d, config.get(d.name), config.all(d.name)));
    const temporary = `${file}.rewrite-${process.pid}`;
    writeFileSync(temporary, rewriteConfigText(old, configs, (name) => config.def(name)?.name));
    renameSync(temporary, file);
  } catch (e) {
    log("warning", `CONFIG REWRITE failed: ${(e as Error).message}`);
    return c.writer.error(`ERR Rewriting config file: ${(e as Error).message}`);
  }
  log("notice", "CONFIG REWRITE executed with success.");
  c.writer.ok();
}

/** CONFIG RESETSTAT's reset (also what the start-up warm-up leaves behind: server/warm-up.ts). */
export function resetStats(s: Server): void {
  s.stats.reset();
  s.observability.resetStats();
  for (const db of s.keyspace.databases) db.expiredKeys = 0;
  s.keyspace.lazyfree.freed = 0;
  s.memory.resetStats();
  for (const top of s.commands.all())
    for (const cmd of [top, ...(top.subcommands?.values() ?? [])]) {
      cmd.calls = cmd.usec = cmd.failedCalls = cmd.rejectedCalls = 0;
      cmd.histogram = null;
    }
}

export const configHandlers: Record<string, CoreHandler> = {
  "config|get": get,
  "config|set": set,
  "config|rewrite": rewrite,
  "config|resetstat"(c, s) {
    resetStats(s);
    c.writer.ok();
  },
  "config|help"(c) {
    replyHelp(c, HELP);
  },
};
