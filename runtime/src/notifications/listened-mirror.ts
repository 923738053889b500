// Plugins' copies of the event classes anyone listens to (host API 1.3 export `ferrite_event_mask`): an
// i32 in the plugin's memory that the host rewrites whenever the classes change, so that the plugin
// skips `event_emit` for events nobody would receive. With the default `notify-keyspace-events ""` and
// no plugin subscribed, that is every event of every write: one host call fewer per key written.
import type { Plugin } from "../plugin/plugin.js";

/** One per server (its Notifications'). */
export class ListenedMirror {
  private readonly copies = new Map<Plugin, number>();
  private listened = 0;

  /** Keep the i32 at byte `ptr` of `plugin`'s memory equal to the listened classes, from now on. */
  mirror(plugin: Plugin, ptr: number): void {
    this.copies.set(plugin, ptr);
    this.write(plugin, ptr);
  }

  forget(plugin: Plugin): void {
    this.copies.delete(plugin);
  }

  /** The listened classes changed (config, or a plugin's subscription): every copy is rewritten now. */
  changed(mask: number): void {
    this.listened = mask;
    for (const [plugin, ptr] of this.copies) this.write(plugin, ptr);
  }

  private write(plugin: Plugin, ptr: number): void {
    const bytes = plugin.view();
    new DataView(bytes.buffer, bytes.byteOffset).setInt32(ptr, this.listened, true);
  }
}
