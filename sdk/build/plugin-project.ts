// Reads a plugin folder (plugin.json, commands/*.json, and assembly/commands/*.ts or, for a plugin written
// in C, c/commands/*.c) into a manifest with deterministic dispatch ids and the handler file of each command.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandSpec, ConfigSpec, Manifest, TypeSpec } from "../../host-api/manifest.js";
import { BuildError } from "./build-error.js";

export interface Handler {
  id: number;
  command: string;
  /** Absolute path of the handler source. */
  file: string;
}

/** What a C plugin's plugin.json adds (paths relative to the plugin folder): sources beyond c/, include dirs, flags. */
export interface CBuild {
  sources?: string[];
  include?: string[];
  cflags?: string[];
}

export interface PluginProject {
  dir: string;
  /** Set for a plugin written in C (it has a c/ folder); null for AssemblyScript. */
  c: CBuild | null;
  manifest: Manifest;
  handlers: Handler[];
  /** assembly/types.ts when present: the ferrite_type_* exports. */
  typesFile: string | null;
  /** assembly/init.ts when present: the ferrite_init export. */
  initFile: string | null;
  warnings: string[];
}

interface PluginJson {
  name: string;
  version: string;
  abi: string;
  description?: string;
  types?: TypeSpec[];
  configs?: ConfigSpec[];
  c?: CBuild;
}

/** `object|encoding` is handled by assembly/commands/object-encoding.ts (c/commands/object-encoding.c). */
export function handlerFileName(command: string, ext = ".ts"): string {
  return `${command.replace(/\|/g, "-")}${ext}`;
}

/** The function a C handler file defines for `command`: cmd_object_encoding. */
export function cHandlerName(command: string): string {
  return `cmd_${command.replace(/[|.-]/g, "_")}`;
}

/** The signature every handler exports; checked before compiling for a clearer message than asc's. */
export const HANDLER_EXPORT = /export\s+(function\s+run\s*\(|\{[^}]*\brun\b[^}]*\}\s+from)/;

const handlerDefined = (c: boolean, command: string, source: string) =>
  c ? new RegExp(`\\bvoid\\s+${cHandlerName(command)}\\s*\\(`).test(source) : HANDLER_EXPORT.test(source);
const handlerSignature = (c: boolean, command: string) =>
  c ? `void ${cHandlerName(command)}(int32_t argc, const ferrite_arg *argv)` : "run(argc: i32, argv: usize): void";

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new BuildError(`${file}: ${(e as Error).message}`);
  }
}

function leafCommands(spec: CommandSpec): CommandSpec[] {
  return spec.subcommands?.length ? spec.subcommands : [spec];
}

/**
 * Loads the project. Ids follow the sorted command names, so the same sources always give the same
 * manifest. With `allowMissing`, commands without a handler are dropped from the manifest with a warning.
 */
export function loadPluginProject(dir: string, allowMissing = false): PluginProject {
  const pluginFile = join(dir, "plugin.json");
  if (!existsSync(pluginFile)) throw new BuildError(`${dir}: no plugin.json (is this a plugin folder?)`);
  const plugin = readJson<PluginJson>(pluginFile);
  const commandsDir = join(dir, "commands");
  const isC = existsSync(join(dir, "c"));
  const [srcDir, ext] = isC ? ["c", ".c"] : ["assembly", ".ts"];
  const handlersDir = join(dir, srcDir, "commands");
  const specFiles = existsSync(commandsDir) ? readdirSync(commandsDir).filter((f) => f.endsWith(".json")).sort() : [];
  const handlerFiles = new Set(existsSync(handlersDir) ? readdirSync(handlersDir).filter((f) => f.endsWith(ext)) : []);
  const specs = specFiles.map((f) => {
    const spec = readJson<CommandSpec>(join(commandsDir, f));
    if ("id" in spec) throw new BuildError(`${join(commandsDir, f)}: remove "id": the build tool assigns ids`);
    if (spec.subcommands?.some((s) => "id" in s)) throw new BuildError(`${join(commandsDir, f)}: remove "id" from subcommands`);
    return spec;
  });

  const problems: string[] = [];
  const warnings: string[] = [];
  const leaves = specs.flatMap(leafCommands).map((s) => s.name).sort();
  const served = new Set<string>();
  for (const name of leaves) {
    const file = handlerFileName(name, ext);
    if (handlerFiles.has(file)) served.add(name);
    else if (allowMissing) warnings.push(`command ${name} has no handler ${srcDir}/commands/${file}: left out of the plugin (--allow-missing)`);
    else problems.push(`command ${name} has no handler: create ${srcDir}/commands/${file} ${isC ? "defining" : "exporting"} ${handlerSignature(isC, name)} (or pass --allow-missing)`);
  }
  for (const file of handlerFiles) {
    if (!leaves.some((name) => handlerFileName(name, ext) === file))
      problems.push(`${srcDir}/commands/${file} handles no command: add commands/${file.slice(0, -ext.length)}.json or remove it`);
  }

  const ids = new Map([...served].sort().map((name, id) => [name, id]));
  const handlers: Handler[] = [];
  for (const [command, id] of ids) {
    const file = join(handlersDir, handlerFileName(command, ext));
    if (!handlerDefined(isC, command, readFileSync(file, "utf8")))
      problems.push(`${file}: must ${isC ? "define" : "export function"} ${handlerSignature(isC, command)}${isC ? "" : " (or re-export another handler's run)"}`);
    handlers.push({ id, command, file });
  }
  if (problems.length) throw new BuildError(problems.join("\n"));

  const withIds = (spec: CommandSpec): CommandSpec | null => {
    if (spec.subcommands?.length) {
      const subcommands = spec.subcommands.map(withIds).filter((s): s is CommandSpec => s !== null);
      return subcommands.length ? { ...spec, subcommands } : null;
    }
    return ids.has(spec.name) ? { id: ids.get(spec.name), ...spec } : null;
  };
  const commands = specs.map(withIds).filter((s): s is CommandSpec => s !== null);
  const manifest: Manifest = {
    name: plugin.name,
    version: plugin.version,
    abi: plugin.abi,
    ...(plugin.description ? { description: plugin.description } : {}),
    types: plugin.types ?? [],
    commands,
    ...(plugin.configs ? { configs: plugin.configs } : {}),
  };
  const optional = (f: string) => (existsSync(join(dir, "assembly", f)) ? join(dir, "assembly", f) : null);
  return { dir, c: isC ? (plugin.c ?? {}) : null, manifest, handlers, typesFile: optional("types.ts"), initFile: optional("init.ts"), warnings };
}
