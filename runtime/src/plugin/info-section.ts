// What a plugin's ferrite_info adds to INFO (host API 1.6, imports/info.ts).

/** One section a plugin contributed: its full name (`<plugin>_<name>`) and its `field:value` lines. */
export interface PluginInfoSection {
  name: string;
  lines: string[];
}
