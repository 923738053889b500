// Copies Redis's own metadata (COMMAND INFO + COMMAND DOCS) for commands a plugin reimplements into
// the plugin's commands/<name>.json files, so arity, flags, key specs and docs match the reference.
// Usage: node dist/sdk/build/import-redis-command.js --port 6379 --out plugins/x/commands cmd [cmd…]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandSpec, CommandDoc, KeySpec } from "../../host-api/manifest.js";

type Info = [string, number, string[], number, number, number, string[], string[], KeySpec[], Info[]];
type Docs = Record<string, CommandDoc & { subcommands?: Docs }>;

function redis(port: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync("redis-cli", ["-p", port, "--json", ...args], { encoding: "utf8" }));
}

function toSpec(info: Info, docs: Docs): CommandSpec {
  const [name, arity, flags, first_key, last_key, step, acl_categories, tips, key_specs, subs] = info;
  const { subcommands: subDocs, ...doc } = docs[name] ?? ({} as CommandDoc);
  const spec: CommandSpec = { name, arity, flags, acl_categories, first_key, last_key, step };
  if (key_specs.length) spec.key_specs = key_specs;
  if (tips.length) spec.tips = tips;
  if (doc.summary) spec.doc = doc;
  if (subs.length) spec.subcommands = subs.map((s) => toSpec(s, subDocs ?? {})).sort((a, b) => a.name.localeCompare(b.name));
  return spec;
}

const argv = process.argv.slice(2);
const opt = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  return argv.splice(i, 2)[1];
};
const port = opt("--port", "6379");
const out = opt("--out", ".");
mkdirSync(out, { recursive: true });
for (const cmd of argv) {
  const [info] = redis(port, "COMMAND", "INFO", cmd) as [Info | null];
  if (!info) throw new Error(`redis-server does not know ${cmd}`);
  const spec = toSpec(info, redis(port, "COMMAND", "DOCS", cmd) as Docs);
  writeFileSync(join(out, `${cmd.toLowerCase()}.json`), JSON.stringify(spec, null, 2) + "\n");
}
