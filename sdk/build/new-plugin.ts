// `new`: a plugin folder from sdk/template, named as asked.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BuildError } from "./build-error.js";
import { SDK_ASSEMBLY_DIR } from "./compile.js";

const TEMPLATE_DIR = resolve(SDK_ASSEMBLY_DIR, "../template");
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

export function newPlugin(dir: string, name: string): void {
  if (!NAME.test(name)) throw new BuildError(`plugin name ${JSON.stringify(name)} must match ${NAME}`);
  if (existsSync(dir)) throw new BuildError(`${dir} already exists`);
  cpSync(TEMPLATE_DIR, dir, { recursive: true });
  const pluginFile = join(dir, "plugin.json");
  const plugin = JSON.parse(readFileSync(pluginFile, "utf8"));
  writeFileSync(pluginFile, JSON.stringify({ ...plugin, name }, null, 2) + "\n");
}
