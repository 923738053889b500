// Reads a plugin folder (plugin.json, commands/*.json, assembly/commands/*.ts) into a manifest with
// deterministic dispatch ids and the handler file of each command.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandSpec, ConfigSpec, Manifest, TypeSpec } from "../../host-api/manifest.js";
import { BuildError } from "./build-error.js";
import { commandProblems, coreCommandOwners, type DeclaredCommand } from "./command-checks.js";
import { FERRITE_ROOT } from "./compile.js";

export interface Handler {
  id: number;
  command: string;
  /** Absolute path of the handler source. */
  file: string;
}

export interface PluginProject {
  dir: string;
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
}

/** `object|encoding` is handled by assembly/commands/object-encoding.ts. */
export function handlerFileName(command: string): string {
  return `${command.replace(/\|/g, "-")}.ts`;
}

/** The signature every handler exports; checked before compiling for a clearer message than asc's. */
export const HANDLER_EXPORT = /export\s+(function\s+run\s*\(|\{[^}]*\brun\b[^}]*\}\s+from)/;

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
  const handlersDir = join(dir, "assembly", "commands");
  const specFiles = existsSync(commandsDir) ? readdirSync(commandsDir).filter((f) => f.endsWith(".json")).sort() : [];
  const handlerFiles = new Set(existsSync(handlersDir) ? readdirSync(handlersDir).filter((f) => f.endsWith(".ts")) : []);
  const declared: DeclaredCommand[] = specFiles.map((f) => {
    const spec = readJson<CommandSpec>(join(commandsDir, f));
    if ("id" in spec) throw new BuildError(`${join(commandsDir, f)}: remove "id": the build tool assigns ids`);
    if (spec.subcommands?.some((s) => "id" in s)) throw new BuildError(`${join(commandsDir, f)}: remove "id" from subcommands`);
    return { spec, file: `commands/${f}` };
  });
  const declarationProblems = commandProblems(declared, plugin.name, coreCommandOwners(FERRITE_ROOT, plugin.name));
  if (declarationProblems.length) throw new BuildError(declarationProblems.join("\n"));
  const specs = declared.map((d) => d.spec);

  const problems: string[] = [];
  const warnings: string[] = [];
  const leaves = specs.flatMap(leafCommands).map((s) => s.name).sort();
  const served = new Set<string>();
  for (const name of leaves) {
    const file = handlerFileName(name);
    if (handlerFiles.has(file)) served.add(name);
    else if (allowMissing) warnings.push(`command ${name} has no handler assembly/commands/${file}: left out of the plugin (--allow-missing)`);
    else problems.push(`command ${name} has no handler: create assembly/commands/${file} exporting run(argc: i32, argv: usize): void (or pass --allow-missing)`);
  }
  for (const file of handlerFiles) {
    if (leaves.some((name) => handlerFileName(name) === file)) continue;
    const specFile = `commands/${file.replace(/\.ts$/, ".json")}`;
    const namesake = declared.find((d) => d.file === specFile);
    problems.push(namesake
      ? `assembly/commands/${file} handles no command: ${specFile} declares ${namesake.spec.name}, whose handler is assembly/commands/${handlerFileName(namesake.spec.name)}: make the two names agree`
      : `assembly/commands/${file} handles no command: add ${specFile} or remove it`);
  }

  const ids = new Map([...served].sort().map((name, id) => [name, id]));
  const handlers: Handler[] = [];
  for (const [command, id] of ids) {
    const file = join(handlersDir, handlerFileName(command));
    if (!HANDLER_EXPORT.test(readFileSync(file, "utf8")))
      problems.push(`${file}: must export function run(argc: i32, argv: usize): void (or re-export another handler's run)`);
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
  return { dir, manifest, handlers, typesFile: optional("types.ts"), initFile: optional("init.ts"), warnings };
}
