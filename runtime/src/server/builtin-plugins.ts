// The plugins a server loads at startup with `builtin-plugins yes`: every .wasm in build/plugins.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BUILTIN_PLUGINS_DIR } from "../paths.js";

/** Load order matters only for readability of MODULE LIST: the data-type-free keys plugin first. */
const BUILTIN_ORDER = ["keys", "strings"];

/** Their paths, in load order. */
export function builtinPlugins(): string[] {
  if (!existsSync(BUILTIN_PLUGINS_DIR)) return [];
  const names = readdirSync(BUILTIN_PLUGINS_DIR).filter((f) => f.endsWith(".wasm")).map((f) => f.slice(0, -5));
  names.sort((a, b) => (BUILTIN_ORDER.indexOf(a) + 1 || 99) - (BUILTIN_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return names.map((n) => join(BUILTIN_PLUGINS_DIR, `${n}.wasm`));
}
