// `new`: a plugin folder from sdk/template, named as asked. The template's plugin is called `greeter`
// and its command `greeter.greet`: both take the new name, so the command stays prefixed with its plugin;
// its manifest declares the host API version this SDK is generated from.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { abi } from "../../host-api/generate.js";
import { BuildError } from "./build-error.js";
import { SDK_ASSEMBLY_DIR } from "./compile.js";

const TEMPLATE_DIR = resolve(SDK_ASSEMBLY_DIR, "../template");
const TEMPLATE_NAME = "greeter";
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

function renamePrefixed(dir: string, name: string): void {
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`${TEMPLATE_NAME}.`)))
    renameSync(join(dir, file), join(dir, name + file.slice(TEMPLATE_NAME.length)));
}

function editJson(path: string, edit: (value: Record<string, unknown>) => Record<string, unknown>): void {
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, "utf8"))), null, 2) + "\n");
}

export function newPlugin(dir: string, name: string): void {
  if (!NAME.test(name))
    throw new BuildError(`plugin name ${JSON.stringify(name)} must be lower-case letters, digits, - and _, starting with a letter (it is the folder's name unless --name gives another)`);
  if (existsSync(dir)) throw new BuildError(`${dir} already exists`);
  cpSync(TEMPLATE_DIR, dir, { recursive: true });
  // A new plugin starts on the newest host API, whatever the template's copy says.
  editJson(join(dir, "plugin.json"), (p) => ({ ...p, name, abi: `${abi.version.major}.${abi.version.minor}` }));
  renamePrefixed(join(dir, "commands"), name);
  renamePrefixed(join(dir, "assembly", "commands"), name);
  for (const file of readdirSync(join(dir, "commands")))
    editJson(join(dir, "commands", file), (c) => ({ ...c, name: `${name}${String(c.name).slice(TEMPLATE_NAME.length)}` }));
}
