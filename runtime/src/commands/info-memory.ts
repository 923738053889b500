// INFO's Memory section, with Redis's field names, from what maxmemory counts (memory/memory-accounting.ts):
// used_memory is what eviction compares with maxmemory. Ferrite adds the parts: the keyspace index,
// plugin heaps and the JS share.
import type { CommandServer as Server } from "../command/command-table.js";
import { MEMORY_HUMAN, MEMORY_INFO, MEMORY_STATS, type PluginMemoryField } from "../plugin/info-section.js";
import { totalmem } from "node:os";

/** Redis's bytesToHuman. */
export function bytesToHuman(n: number): string {
  const units = ["B", "K", "M", "G", "T", "P"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(2)}${units[i]}`;
}

const percent = (part: number, whole: number) => `${whole === 0 ? "0.00" : ((100 * part) / whole).toFixed(2)}%`;

/** What the plugins' ferrite_memory report (host API 1.8), for INFO's Memory section (`MEMORY_INFO`) or MEMORY STATS. */
export function pluginMemoryFields(s: Server, where: typeof MEMORY_INFO | typeof MEMORY_STATS): PluginMemoryField[] {
  return [...s.plugins.all()].flatMap((p) => p.memoryFields()).filter((f) => f.flags & where);
}

export function memoryInfoLines(s: Server): string[] {
  const memory = s.memory;
  const acc = memory.accounting;
  const index = acc.indexBytes();
  const plugins = acc.pluginBytes();
  const used = acc.used();
  const rss = process.memoryUsage.rss();
  const overhead = acc.jsBaseline + index;
  const system = totalmem();
  return [
    `used_memory:${used}`,
    `used_memory_human:${bytesToHuman(used)}`,
    `used_memory_rss:${rss}`,
    `used_memory_rss_human:${bytesToHuman(rss)}`,
    `used_memory_peak:${acc.peak}`,
    `used_memory_peak_human:${bytesToHuman(acc.peak)}`,
    `used_memory_peak_perc:${percent(used, acc.peak)}`,
    `used_memory_overhead:${overhead}`,
    `used_memory_startup:${acc.jsBaseline}`,
    `used_memory_dataset:${plugins}`,
    `used_memory_dataset_perc:${percent(plugins, used)}`,
    `used_memory_index:${index}`,
    `used_memory_index_human:${bytesToHuman(index)}`,
    `used_memory_plugins:${plugins}`,
    `used_memory_plugins_human:${bytesToHuman(plugins)}`,
    `used_memory_js:${acc.jsBaseline}`,
    `used_memory_js_human:${bytesToHuman(acc.jsBaseline)}`,
    `total_system_memory:${system}`,
    `total_system_memory_human:${bytesToHuman(system)}`,
    // Where Redis prints its scripting figures (used_memory_vm_eval …): the plugins' own (ADR 0042).
    ...pluginMemoryFields(s, MEMORY_INFO).map((f) => `${f.name}:${f.flags & MEMORY_HUMAN ? bytesToHuman(f.value) : f.value}`),
    `maxmemory:${memory.limit}`,
    `maxmemory_human:${bytesToHuman(memory.limit)}`,
    `maxmemory_policy:${memory.policy.name}`,
    `maxmemory_samples:${memory.samples}`,
    `mem_fragmentation_ratio:${(rss / used).toFixed(2)}`,
    `mem_fragmentation_bytes:${rss - used}`,
    "mem_not_counted_for_evict:0",
    "lazyfree_pending_objects:0", // values are freed at once: nothing waits (keyspace/lazyfree.ts)
    `lazyfreed_objects:${s.keyspace.lazyfree.freed}`,
  ];
}
