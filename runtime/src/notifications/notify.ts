// Keyspace notifications: every event (a command's `hset`, the host's `del`, `expired`, `new`…) enters
// through notify(), which publishes it on `__keyspace@<db>__:<key>` and `__keyevent@<db>__:<event>` as
// `notify-keyspace-events` asks, and queues it for the plugins that subscribed to its class. An event no
// one listens to costs one AND: nothing is copied or built before that check. One per server.
import type { PubSub } from "../pubsub/registry.js";
import type { CallContext } from "../plugin/call-context.js";
import type { Plugin } from "../plugin/plugin.js";
import type { Database } from "../keyspace/database.js";
import type { KeyEvents } from "../keyspace/key-events.js";
import type { PluginEvents } from "../plugin/host-services.js";
import { NOTIFY_KEYEVENT, NOTIFY_KEYSPACE } from "../config/event-classes.js";
import { PluginSubscribers } from "./plugin-subscribers.js";
import { ListenedMirror } from "./listened-mirror.js";

export class Notifications implements KeyEvents, PluginEvents {
  /** Classes published to pub/sub (none unless K or E is on). */
  private published = 0;
  private keyspaceChannels = false;
  private keyeventChannels = false;
  /** Classes some plugin subscribed to. */
  private subscribed = 0;
  /** published | subscribed: the one check on the hot path. */
  private listened = 0;
  /** Nested calls whose events are silenced (call_command's flag). */
  private silenced = 0;
  private readonly keyspacePrefixes: Buffer[] = [];
  private readonly keyeventPrefixes: Buffer[] = [];
  private readonly subscribers: PluginSubscribers;
  private readonly mirror = new ListenedMirror();

  /** Events reach clients exactly as a client's PUBLISH would, through `pubsub`. */
  constructor(private readonly pubsub: PubSub, ctx: CallContext) {
    this.subscribers = new PluginSubscribers(ctx, (mask) => {
      this.subscribed = mask;
      this.classesChanged();
    });
  }

  /** Apply the `notify-keyspace-events` flags. */
  setFlags(flags: number): void {
    this.keyspaceChannels = (flags & NOTIFY_KEYSPACE) !== 0;
    this.keyeventChannels = (flags & NOTIFY_KEYEVENT) !== 0;
    this.published = this.keyspaceChannels || this.keyeventChannels ? flags & ~(NOTIFY_KEYSPACE | NOTIFY_KEYEVENT) : 0;
    this.classesChanged();
  }

  listenedTo(cls: number): boolean {
    return (this.listened & cls) !== 0;
  }

  notify(cls: number, event: string | Buffer, db: number, key: Uint8Array, off = 0, len = key.length - off): void {
    if ((this.listened & cls) === 0 || this.silenced > 0) return;
    // With the config on but no client subscribed to any channel or pattern, no channel name is built.
    const pubsub = this.pubsub;
    const toChannels = (this.published & cls) !== 0 && pubsub.channelCount + pubsub.patternCount > 0;
    if (!toChannels && (this.subscribed & cls) === 0) return;
    const keyBytes = Buffer.from(key.subarray(off, off + len));
    const eventBytes = typeof event === "string" ? Buffer.from(event, "latin1") : event;
    if (toChannels) {
      if (this.keyspaceChannels) pubsub.publish(Buffer.concat([prefix(this.keyspacePrefixes, "keyspace", db), keyBytes]), eventBytes);
      if (this.keyeventChannels) pubsub.publish(Buffer.concat([prefix(this.keyeventPrefixes, "keyevent", db), eventBytes]), keyBytes);
    }
    if (this.subscribed & cls) this.subscribers.enqueue(cls, eventBytes, db, keyBytes);
  }

  /** Silence events (nestable) while a command built from others runs them: it raises its own instead. */
  silence(on: boolean): void {
    this.silenced += on ? 1 : -1;
  }

  subscribe(plugin: Plugin, mask: number): void {
    this.subscribers.subscribe(plugin, mask);
  }

  mirrorListened(plugin: Plugin, ptr: number): void {
    this.mirror.mirror(plugin, ptr);
  }

  forget(plugin: Plugin): void {
    this.subscribers.subscribe(plugin, 0);
    this.mirror.forget(plugin);
  }

  /** Hand the events queued for subscribed plugins to them: true when there were some. */
  deliverPluginEvents(databases: Database[]): boolean {
    return this.subscribers.deliver(databases);
  }

  private classesChanged(): void {
    this.listened = this.published | this.subscribed;
    this.mirror.changed(this.listened);
  }
}

function prefix(cache: Buffer[], kind: string, db: number): Buffer {
  return (cache[db] ??= Buffer.from(`__${kind}@${db}__:`, "latin1"));
}
