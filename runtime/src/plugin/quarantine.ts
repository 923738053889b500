// The exports a quarantined plugin answers with (docs/adr/0002-sandbox.md, "After a failure"): every
// entry fails with one clear error instead of running code on a heap found inconsistent, so its
// commands and keys cannot crash-loop. Same shape as a live plugin's exports (loader.ts), so that
// swapping them in keeps the dispatcher's call sites monomorphic, and costs the hot path nothing.
import { EXPORT_NAMES, type PluginExports } from "./abi.generated.js";
import { PluginFailure } from "./plugin-failure.js";

/** Entries that must not fail: freeing a value of a quarantined plugin only forgets it (its instance will be replaced). */
const SILENT = new Set<string>(["ferrite_type_free"]);
/** Optional entries the host probes for: absent, so the host takes its documented fallback. */
const ABSENT = new Set<string>(["ferrite_heap_used", "ferrite_heap_check", "ferrite_event_mask"]);

export function quarantinedExports(message: string): PluginExports {
  const refuse = () => {
    throw new PluginFailure(message);
  };
  const stubs: Record<string, unknown> = {};
  for (const name of EXPORT_NAMES) stubs[name] = ABSENT.has(name) ? undefined : SILENT.has(name) ? () => {} : refuse;
  return stubs as unknown as PluginExports;
}
