// A plugin's configs (host API 1.4): declared in plugin.json's "configs", owned by the host (CONFIG
// GET/SET, the config file, MODULE LOADEX … CONFIG), and read here with a plain load, no host call.
// A string config's text (host API 1.9) is read with a host call when its change count moved; a plugin
// may also check a proposed value by exporting ferrite_config_check (writing the canonical text or the
// reason with functionOutput).
import { config_string, result_read } from "./host.generated";

/** Slots of the config block: manifest.ts's MAX_CONFIGS. */
const MAX_CONFIGS: i32 = 64;

/**
 * The config block the host keeps current: one i64 per declared config, in plugin.json order. The host
 * writes it before ferrite_init, so top-level code must not read it.
 */
const BLOCK: usize = memory.data(MAX_CONFIGS * 8, 8);

/** The export `ferrite_config_block` (host API 1.4), added by the build tool when plugin.json declares configs. */
export function ferrite_config_block(): usize { return BLOCK; }

/**
 * The current value of the config at `index` in plugin.json's "configs": a bool is 1 or 0, an integer or
 * memory size its value, an enum the index of its value in "values".
 */
// @ts-ignore: decorator
@inline export function configValue(index: i32): i64 { return load<i64>(BLOCK + (<usize>index << 3)); }

/** The current value of the float config at `index` (host API 1.7: its slot holds the double's bits). */
// @ts-ignore: decorator
@inline export function configFloat(index: i32): f64 { return load<f64>(BLOCK + (<usize>index << 3)); }

/**
 * The text of the string config at `index` (host API 1.9), copied into a new heap block of
 * `configStringLen` bytes that the caller frees; 0 when `index` is not a string config (or the text is
 * empty). Not for every command: a string config's configValue is its change count (1 at load, one more
 * at each change), so keep what you derive from the text with the count it came from, and read the text
 * again only when configValue(index) moved.
 */
export let configStringLen: i32 = 0;
export function configString(index: i32): usize {
  const n = config_string(index);
  configStringLen = n > 0 ? n : 0;
  if (n <= 0) return 0;
  const text = heap.alloc(<usize>n);
  result_read(<i32>text);
  return text;
}
