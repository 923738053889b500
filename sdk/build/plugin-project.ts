// Reads a plugin folder (plugin.json, commands/*.json, and the handlers in the plugin's language:
// assembly/commands/*.ts, src/commands/*.rs or c/commands/*.c) into a manifest with deterministic dispatch
// ids and the handler file of each command.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_NAME, type CommandSpec, type ConfigSpec, type Manifest, type TypeSpec } from "../../host-api/manifest.js";
import { BuildError } from "./build-error.js";
import { commandProblems, coreCommandOwners, type DeclaredCommand } from "./command-checks.js";
import { FERRITE_ROOT } from "./compile.js";
import { handlerPath, languageNamed, type Language } from "./languages.js";

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
  language: Language;
  /** A C plugin's build options (plugin.json "c"); empty for other languages. */
  c: CBuild;
  manifest: Manifest;
  handlers: Handler[];
  /** assembly/functions/<name>.ts: the functions other plugins call (host API 1.8), by dispatch id. */
  functions: Handler[];
  /** assembly/types.ts (src/types.rs) when present: the ferrite_type_* exports. */
  typesFile: string | null;
  /** assembly/init.ts (src/init.rs) when present: the ferrite_init export. */
  initFile: string | null;
  /** assembly/find-keys.ts when present: the ferrite_keys export (host API 1.8 key_finder). */
  keysFile: string | null;
  warnings: string[];
}

interface PluginJson {
  name: string;
  version: string;
  abi: string;
  description?: string;
  types?: TypeSpec[];
  configs?: ConfigSpec[];
  /** The handlers' language, "assemblyscript" when absent (languages.ts). */
  language?: string;
  c?: CBuild;
}

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
  const language = languageNamed(plugin.language);
  const handlerOf = (command: string) => handlerPath(language, command);
  const commandsDir = join(dir, "commands");
  const handlersDir = join(dir, language.sources, "commands");
  const specFiles = existsSync(commandsDir) ? readdirSync(commandsDir).filter((f) => f.endsWith(".json")).sort() : [];
  const handlerFiles = new Set(
    existsSync(handlersDir) ? readdirSync(handlersDir).filter((f) => f.endsWith(language.extension)).map((f) => `${language.sources}/commands/${f}`) : [],
  );
  const declared: DeclaredCommand[] = specFiles.map((f) => {
    const spec = readJson<CommandSpec>(join(commandsDir, f));
    if ("id" in spec) throw new BuildError(`${join(commandsDir, f)}: remove "id": the build tool assigns ids`);
    if (spec.subcommands?.some((s) => "id" in s)) throw new BuildError(`${join(commandsDir, f)}: remove "id" from subcommands`);
    return { spec, file: `commands/${f}` };
  });
  const declarationProblems = commandProblems(declared, plugin.name, coreCommandOwners(FERRITE_ROOT, plugin.name), handlerOf);
  if (declarationProblems.length) throw new BuildError(declarationProblems.join("\n"));
  const specs = declared.map((d) => d.spec);

  const problems: string[] = [];
  const warnings: string[] = [];
  const leaves = specs.flatMap(leafCommands).map((s) => s.name).sort();
  const served = new Set<string>();
  for (const name of leaves) {
    const file = handlerOf(name);
    if (handlerFiles.has(file)) served.add(name);
    else if (allowMissing) warnings.push(`command ${name} has no handler ${file}: left out of the plugin (--allow-missing)`);
    else problems.push(`command ${name} has no handler: create ${file} ${language.signature(name)} (or pass --allow-missing)`);
  }
  for (const file of handlerFiles) {
    if (leaves.some((name) => handlerOf(name) === file)) continue;
    const specFile = `commands/${file.slice(`${language.sources}/commands/`.length, -language.extension.length)}.json`;
    const namesake = declared.find((d) => d.file === specFile);
    problems.push(namesake
      ? `${file} handles no command: ${specFile} declares ${namesake.spec.name}, whose handler is ${handlerOf(namesake.spec.name)}: make the two names agree`
      : `${file} handles no command: add ${specFile} or remove it`);
  }

  const ids = new Map([...served].sort().map((name, id) => [name, id]));
  const handlers: Handler[] = [];
  for (const [command, id] of ids) {
    const file = join(dir, handlerOf(command));
    if (!language.defines(command, readFileSync(file, "utf8"))) problems.push(`${file}: must be a handler, ${language.signature(command)}`);
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
  const functions = functionFiles(dir, language);
  const manifest: Manifest = {
    name: plugin.name,
    version: plugin.version,
    abi: plugin.abi,
    ...(plugin.description ? { description: plugin.description } : {}),
    types: plugin.types ?? [],
    commands,
    ...(plugin.configs ? { configs: plugin.configs } : {}),
    ...(functions.length ? { functions: functions.map((f) => ({ name: f.command, id: f.id })) } : {}),
  };
  const optional = (f: string) => (existsSync(join(dir, language.sources, f + language.extension)) ? join(dir, language.sources, f + language.extension) : null);
  return { dir, language, c: plugin.c ?? {}, manifest, handlers, functions, typesFile: optional("types"), initFile: optional("init"), keysFile: optional("find-keys"), warnings };
}

/**
 * An AssemblyScript plugin offers a function to other plugins (plugin_call, host API 1.8) by a file
 * assembly/functions/<name>.ts exporting call(input: usize, len: i32): i32; ids follow the sorted names.
 */
function functionFiles(dir: string, language: Language): Handler[] {
  const folder = join(dir, language.sources, "functions");
  if (!existsSync(folder)) return [];
  if (language.name !== "assemblyscript") throw new BuildError(`${folder}: functions for plugin_call are built for AssemblyScript plugins only so far`);
  const names = readdirSync(folder).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
  const problems: string[] = [];
  const functions = names.map((name, id) => {
    const file = join(folder, `${name}.ts`);
    if (!FUNCTION_NAME.test(name)) problems.push(`${file}: a function's name must match ${FUNCTION_NAME}`);
    if (!/export\s+function\s+call\s*\(/.test(readFileSync(file, "utf8"))) problems.push(`${file}: must export function call(input: usize, len: i32): i32`);
    return { id, command: name, file };
  });
  if (problems.length) throw new BuildError(problems.join("\n"));
  return functions;
}
