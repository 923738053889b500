// What a plugin's ferrite_info adds to INFO (host API 1.6, imports/info.ts), and its ferrite_memory to
// INFO's Memory section and MEMORY STATS (host API 1.8).

/** One section a plugin contributed: its full name (`<plugin>_<name>`) and its `field:value` lines. */
export interface PluginInfoSection {
  name: string;
  lines: string[];
}

/** memory_field's flags. */
export const MEMORY_INFO = 1, MEMORY_STATS = 2, MEMORY_HUMAN = 4;

/** One figure a plugin's ferrite_memory added, under Redis's own name. */
export interface PluginMemoryField {
  flags: number;
  name: string;
  value: number;
}
