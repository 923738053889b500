// A plugin's configs (host API 1.4): declared in plugin.json's "configs", owned by the host (CONFIG
// GET/SET, the config file, MODULE LOADEX … CONFIG), and read here with a plain load, no host call.

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
