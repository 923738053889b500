// Where the project's files are, whether this code runs compiled (dist/runtime/src) or from source
// (runtime/src, as tests import it): found by walking up to the package root.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "runtime"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Ferrite package root above ${from}`);
  }
}

export const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
/** Compiled JavaScript of the runtime, for entry points run as separate processes. */
export const DIST_RUNTIME = join(ROOT, "dist/runtime/src");
export const BUILTIN_PLUGINS_DIR = join(ROOT, "build/plugins");
export const CORE_SPECS_DIR = join(ROOT, "runtime/src/commands/specs");
export const INSTRUMENT_CACHE_DIR = join(ROOT, "build/.instrument-cache");
