// Turns a .wasm file into a running Plugin: the file read under plugin-file.ts's checks, manifest read
// without instantiating, ABI version and import checks, fuel instrumentation, a capped imported memory,
// one compile and one instance, then init.
import { readCustomSection } from "../../../host-api/custom-section.js";
import { usesCallFlags, usesKeyFinder, validateManifest, type Manifest } from "../../../host-api/manifest.js";
import { ABI_MAJOR, ABI_MINOR, IMPORT_MODULE, IMPORT_SINCE, MANIFEST_SECTION, MEMORY_IMPORT, REQUIRED_EXPORTS, TYPE_EXPORTS, EXPORT_NAMES, type PluginExports } from "./abi.generated.js";
import { inspectModule, checkImports } from "./wasm/inspect.js";
import { instrumentInChild, instrumentInChildAsync } from "./wasm/instrument-process.js";
import { readPluginFile, readPluginFileSync } from "./plugin-file.js";
import { LoadError } from "./load-error.js";
import { hostImports } from "./host-imports.js";
import type { HostServices } from "./host-services.js";
import { Plugin, type Instance } from "./plugin.js";

const PAGE = 65536;
/** Reserved up front: untouched pages cost nothing, and growing later detaches views and triggers GCs. */
const RESERVE_PAGES = 256;

export function readManifest(wasm: Uint8Array): Manifest {
  const section = readCustomSection(wasm, MANIFEST_SECTION);
  if (!section) throw new LoadError(`no '${MANIFEST_SECTION}' custom section: not a Ferrite plugin (build it with the SDK)`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(Buffer.from(section).toString("utf8"));
  } catch (e) {
    throw new LoadError(`manifest is not valid JSON: ${(e as Error).message}`);
  }
  const problems = validateManifest(manifest);
  if (problems.length) throw new LoadError(`invalid manifest: ${problems.join("; ")}`);
  return manifest;
}

function checkAbi(manifest: Manifest): number {
  const [major, minor] = manifest.abi.split(".").map(Number);
  if (major !== ABI_MAJOR)
    throw new LoadError(`plugin '${manifest.name}' targets host API ${manifest.abi}, but this server implements major version ${ABI_MAJOR} (${ABI_MAJOR}.${ABI_MINOR})`);
  if (minor > ABI_MINOR)
    throw new LoadError(`plugin '${manifest.name}' targets host API ${manifest.abi}, newer than this server's ${ABI_MAJOR}.${ABI_MINOR}`);
  return minor;
}

/** Imports a plugin built for `minor` may use: those introduced at or before it. */
function allowedImports(minor: number): Set<string> {
  return new Set(Object.entries(IMPORT_SINCE).filter(([, since]) => Number(since.split(".")[1]) <= minor).map(([n]) => n));
}

/** What the host caps for every plugin it loads (configs plugin-max-memory and plugin-max-file-size). */
export interface PluginLimits {
  maxMemory: number;
  maxFileSize: number;
}

/**
 * Called with the manifest right before the plugin's code first runs: throws to refuse it (a name or
 * command clash, a config value refused), else returns the values its configs start with (config block slots).
 */
export type Admit = (manifest: Manifest) => BigInt64Array;

interface Checked {
  manifest: Manifest;
  maxPages: number;
  initialPages: number;
}

/** Everything decided from the bytes alone, before any plugin code runs or its memory is reserved. */
function checkModule(wasm: Uint8Array, maxMemory: number): Checked {
  const manifest = readManifest(wasm);
  const minor = checkAbi(manifest);
  const info = inspectModule(wasm);
  const problems = checkImports(info, allowedImports(minor));
  for (const i of info.imports) {
    const since = i.module === IMPORT_MODULE ? IMPORT_SINCE[i.name] : undefined;
    if (since && Number(since.split(".")[1]) > minor)
      problems.push(`${i.module}.${i.name} is host API ${since}, newer than the ${manifest.abi} it declares (declare "abi": "${since}")`);
  }
  const exported = new Set(info.exports.map((e) => e.name));
  for (const name of REQUIRED_EXPORTS) if (!exported.has(name)) problems.push(`does not export ${name}`);
  if (manifest.types.length) for (const name of TYPE_EXPORTS) if (!exported.has(name)) problems.push(`declares types but does not export ${name}`);
  if (manifest.configs?.length && !exported.has("ferrite_config_block")) problems.push("declares configs but does not export ferrite_config_block");
  if (manifest.functions?.length && !exported.has("ferrite_function")) problems.push("declares functions but does not export ferrite_function");
  if (usesKeyFinder(manifest) && !exported.has("ferrite_keys"))
    problems.push("declares a command with key_finder but does not export ferrite_keys");
  if (usesCallFlags(manifest) && !exported.has("ferrite_command_flags"))
    problems.push("declares a command with call_flags but does not export ferrite_command_flags");
  if (problems.length) throw new LoadError(`plugin '${manifest.name}' refused: ${problems.join("; ")}`);

  const memoryImport = info.imports.find((i) => i.module === MEMORY_IMPORT.module && i.name === MEMORY_IMPORT.name);
  // A plugin may ask for a lower maximum than the operator's cap, never a higher one.
  const maxPages = Math.min(Math.floor(maxMemory / PAGE), memoryImport?.memory?.maximum ?? Infinity);
  const declared = memoryImport?.memory?.initial ?? 1;
  if (declared > maxPages) throw new LoadError(`plugin '${manifest.name}' needs ${declared} pages, more than plugin-max-memory allows`);
  return { manifest, maxPages, initialPages: Math.min(maxPages, Math.max(declared, RESERVE_PAGES)) };
}

/** A plugin file read, checked, instrumented and compiled: no plugin code has run yet. */
export interface CompiledPlugin {
  checked: Checked;
  module: WebAssembly.Module;
  path: string;
}

/** Synchronous (startup, inside EXEC, an AOF's replay): same checks as the asynchronous one. */
export function compilePlugin(path: string, limits: PluginLimits): CompiledPlugin {
  const wasm = readPluginFileSync(path, limits.maxFileSize);
  const checked = checkModule(wasm, limits.maxMemory);
  return { checked, module: new WebAssembly.Module(instrumentInChild(wasm)), path };
}

/** A client's MODULE LOAD / RELOAD: reading, instrumenting (in a child) and compiling happen off the event loop. */
export async function compilePluginAsync(path: string, limits: PluginLimits): Promise<CompiledPlugin> {
  const wasm = await readPluginFile(path, limits.maxFileSize);
  const checked = checkModule(wasm, limits.maxMemory);
  return { checked, module: await WebAssembly.compile(await instrumentInChildAsync(wasm)), path };
}

/** Startup's loader (built-in plugins, --loadmodule, a restart's reload): synchronous, same checks as MODULE LOAD's. */
export function loadPlugin(path: string, args: string[], host: HostServices, limits: PluginLimits, admit: Admit): Plugin {
  return startPlugin(compilePlugin(path, limits), args, host, admit);
}

/**
 * MODULE LOAD's loader: only the instantiation and ferrite_init run on the event loop, under the call
 * budget like any plugin call.
 */
export async function loadPluginAsync(path: string, args: string[], host: HostServices, limits: PluginLimits, admit: Admit): Promise<Plugin> {
  return startPlugin(await compilePluginAsync(path, limits), args, host, admit);
}

/** Admit the manifest, then instantiate the module and run its ferrite_init. */
export function startPlugin(compiled: CompiledPlugin, args: string[], host: HostServices, admit: Admit): Plugin {
  const { checked, module, path } = compiled;
  const { manifest, maxPages, initialPages } = checked;
  const configSlots = admit(manifest);
  const pages = { initial: initialPages, maximum: maxPages };
  const plugin = new Plugin(manifest, path, args, new WebAssembly.Memory(pages), maxPages * PAGE, configSlots, host.ctx);
  // Recovery and compaction start the same module again, on a memory of its own (plugin-recovery.ts).
  plugin.spawn = () => startInstance(plugin, module, new WebAssembly.Memory(pages), host);
  startInstance(plugin, module, plugin.memory, host);
  return plugin;
}

/** Instantiate `module` on `memory` for `plugin`, attach it and run ferrite_init; returns the instance. */
function startInstance(plugin: Plugin, module: WebAssembly.Module, memory: WebAssembly.Memory, host: HostServices): Instance {
  const { manifest, args } = plugin;
  // Instantiation runs the module's start function (AssemblyScript top-level code): it is plugin code
  // under the same budget as any call. Its imports read memory through `plugin`, so attach first.
  plugin.attach({ exports: plugin.exports, memory, arenaPtr: 0, arenaCap: 0 });
  const instance = plugin.guard(() => new WebAssembly.Instance(module, {
    [IMPORT_MODULE]: hostImports(plugin, host) as unknown as WebAssembly.ModuleImports,
    [MEMORY_IMPORT.module]: { [MEMORY_IMPORT.name]: memory },
  }));
  plugin.exports = sameShapeExports(instance.exports);
  plugin.refreshViews();
  plugin.placeConfigBlock();
  if (plugin.exports.ferrite_init) {
    const status = plugin.guard(() => plugin.exports.ferrite_init!(args.length, plugin.writeStringArgs(args)));
    if (status !== 0) throw new LoadError(`plugin '${manifest.name}' refused its arguments (ferrite_init returned ${status})`);
  }
  return plugin.instance();
}

/**
 * The exports the host calls, copied into an object of one shape for every plugin: each instance's own
 * exports object has a shape of its own, and with more than four plugins serving commands, every
 * `plugin.exports.ferrite_command` went megamorphic (measured: +0.5 µs of CPU per pipelined SET once
 * a mix of types had run). Absent optional exports stay present as undefined, keeping the shape.
 */
function sameShapeExports(raw: WebAssembly.Exports): PluginExports {
  const shaped: Record<string, unknown> = {};
  for (const name of EXPORT_NAMES) shaped[name] = raw[name];
  return shaped as unknown as PluginExports;
}
