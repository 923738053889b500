// Compiles a plugin with the AssemblyScript compiler API. The generated entry file and the SDK package
// ("ferrite-sdk") are served from a virtual file system, so nothing is written into the plugin folder and
// a plugin outside this repository still finds the SDK.
import asc from "assemblyscript/asc";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BuildError } from "./build-error.js";
import { HEAP_ACCOUNTING_FLAGS, addHeapAccounting } from "./heap-accounting.js";
import { managedAllocationWarnings } from "./managed-allocations.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The SDK's AssemblyScript sources, from sdk/build/ or dist/sdk/build/. */
export const SDK_ASSEMBLY_DIR = existsSync(join(here, "../assembly/index.ts")) ? resolve(here, "../assembly") : resolve(here, "../../../sdk/assembly");

/** The Ferrite package (a clone, or an installed copy) this SDK belongs to. */
export const FERRITE_ROOT = resolve(SDK_ASSEMBLY_DIR, "../..");

const ENTRY = "__ferrite_entry__.ts";
const PACKAGES = resolve("/__ferrite_packages__");
const SDK_PACKAGE = join(PACKAGES, "ferrite-sdk");

/**
 * Compiler flags every plugin gets: see ADR 0001 and the brief (no GC, host-owned memory). asc itself
 * does not optimize: binaryen's -O3 runs once, after heap accounting replaced the allocator hooks
 * (heap-accounting.ts), which is cheaper than optimizing twice and sees through the hooks.
 */
const FLAGS = [
  "-O0",
  "--runtime", "minimal",
  "--importMemory",
  "--noExportMemory",
  // v128 for the vector kernels (sdk/assembly/vector/distance.ts); Node 20 runs it and the host's
  // instrumentation reads it (instrument.ts FEATURES).
  "--enable", "simd",
  // Names stay in the module: the fuel instrumentation recognizes the allocator's functions by them.
  "--debug",
  // AssemblyScript's abort becomes the host's ferrite.abort, so a failed assertion fails the command.
  "--use", "abort=~lib/ferrite-sdk/host.generated/abort",
  ...HEAP_ACCOUNTING_FLAGS,
];

function readSource(name: string, baseDir: string, entryPath: string, entrySource: string): string | null {
  const path = resolve(baseDir, name);
  if (path === entryPath) return entrySource;
  const file = path.startsWith(SDK_PACKAGE + sep) ? join(SDK_ASSEMBLY_DIR, path.slice(SDK_PACKAGE.length + 1)) : path;
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export interface Compiled {
  /** The optimized binary, without the manifest. */
  wasm: Uint8Array;
  /** Managed allocations on a command's path (managed-allocations.ts). */
  warnings: string[];
}

/** The plugin in `dir` whose generated entry is `entrySource`, compiled and optimized. */
export async function compilePlugin(dir: string, entrySource: string): Promise<Compiled> {
  const baseDir = resolve(dir);
  const entryPath = join(baseDir, ENTRY);
  let binary: Uint8Array | null = null;
  let diagnostics = "";
  const { error } = await asc.main([ENTRY, "--outFile", "plugin.wasm", "--baseDir", baseDir, "--path", PACKAGES, ...FLAGS], {
    readFile: (name: string, base: string) => readSource(name, base, entryPath, entrySource),
    writeFile: (name: string, contents: Uint8Array | string) => {
      if (name.endsWith(".wasm")) binary = contents as Uint8Array;
    },
    listFiles: () => [],
    stdout: { write: (s: string | Uint8Array) => { diagnostics += String(s); return true; } } as never,
    stderr: { write: (s: string | Uint8Array) => { diagnostics += String(s); return true; } } as never,
  });
  if (error || !binary) throw new BuildError(`AssemblyScript compilation failed:\n${diagnostics || error?.message}`);
  return { wasm: addHeapAccounting(binary), warnings: managedAllocationWarnings(binary) };
}
