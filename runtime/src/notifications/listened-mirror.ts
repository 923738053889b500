// Plugins' copies of the event classes anyone listens to (host API 1.3 export `ferrite_event_mask`): an
// i32 in the plugin's memory that the host rewrites whenever the classes change, so that the plugin
// skips `event_emit` for events nobody would receive. With the default `notify-keyspace-events ""` and
// no plugin subscribed, that is every event of every write: one host call fewer per key written.
import type { Plugin } from "../plugin/plugin.js";

const copies = new Map<Plugin, number>();
let listened = 0;

/** Keep the i32 at byte `ptr` of `plugin`'s memory equal to the listened classes, from now on. */
export function mirrorListened(plugin: Plugin, ptr: number): void {
  copies.set(plugin, ptr);
  write(plugin, ptr);
}

export function forgetMirror(plugin: Plugin): void {
  copies.delete(plugin);
}

/** The listened classes changed (config, or a plugin's subscription): every copy is rewritten now. */
export function listenedChanged(mask: number): void {
  listened = mask;
  for (const [plugin, ptr] of copies) write(plugin, ptr);
}

function write(plugin: Plugin, ptr: number): void {
  const bytes = plugin.view();
  new DataView(bytes.buffer, bytes.byteOffset).setInt32(ptr, listened, true);
}
