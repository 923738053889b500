// INFO sections (host API 1.6): export `ferrite_info` from the plugin and call these from it. The host
// names a section `<plugin>_<name>` and a field `<plugin>_<name>`, as Redis names a module's, so
//   export function ferrite_info(): void { infoSection("stats"); infoFieldInt("keys", count); }
// prints `# myplugin_stats` and `myplugin_keys:3`. Names and texts are ASCII string literals, copied to
// static scratch buffers like reply.ts's: nothing is allocated (plugins have no garbage collector).
import { info_field, info_section, memory_field } from "./host.generated";
import { formatI64 } from "./numbers";
import { asciiTo } from "./ascii";

const NAME_MAX: i32 = 256;
const VALUE_MAX: i32 = 1024;
const nameScratch = memory.data(NAME_MAX);
const valueScratch = memory.data(VALUE_MAX);

/** Copies an ASCII string literal (at most `max` characters of it) to `dst`; returns its byte length. */
function ascii(text: string, dst: usize, max: i32): i32 {
  const len = min(text.length, max);
  asciiTo(dst, text, len);
  return len;
}

/** Starts the section `<plugin>_<name>` (`<plugin>` alone for ""); no spaces, colons, CR or LF. */
export function infoSection(name: string): void {
  info_section(<i32>nameScratch, ascii(name, nameScratch, NAME_MAX));
}

/** Adds `<plugin>_<name>:<value>` to the current section, the value being `len` bytes at `ptr` (no CR or LF). */
export function infoFieldBytes(name: string, ptr: usize, len: i32): void {
  info_field(<i32>nameScratch, ascii(name, nameScratch, NAME_MAX), <i32>ptr, len);
}

export function infoField(name: string, value: string): void {
  infoFieldBytes(name, valueScratch, ascii(value, valueScratch, VALUE_MAX));
}

export function infoFieldInt(name: string, value: i64): void {
  infoFieldBytes(name, valueScratch, formatI64(value, valueScratch));
}

// Memory figures (host API 1.8): export `ferrite_memory` and call these from it. The names are Redis's
// own, unprefixed (`used_memory_scripts`, MEMORY STATS' `lua.caches`):
//   export function ferrite_memory(): void { memoryInfo("used_memory_vm_eval", vmBytes); memoryStats("lua.caches", cacheBytes); }

/** The line `<name>:<value>` in INFO's # Memory section; `human`: the value as Redis writes sizes for humans (`31.00K`). */
export function memoryInfo(name: string, value: i64, human: bool = false): void {
  memory_field(human ? 5 : 1, <i32>nameScratch, ascii(name, nameScratch, NAME_MAX), <f64>value);
}

/** The entry `name` → value in MEMORY STATS (replacing the host's own for a name it has, such as `lua.caches`). */
export function memoryStats(name: string, value: i64): void {
  memory_field(2, <i32>nameScratch, ascii(name, nameScratch, NAME_MAX), <f64>value);
}
