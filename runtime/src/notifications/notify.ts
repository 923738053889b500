// Keyspace notifications: every event (a command's `hset`, the host's `del`, `expired`, `new`…) enters
// through notify(), which publishes it on `__keyspace@<db>__:<key>` and `__keyevent@<db>__:<event>` as
// `notify-keyspace-events` asks, and queues it for the plugins that subscribed to its class. An event no
// one listens to costs one AND: nothing is copied or built before that check.
import { publish, pubsub } from "../pubsub/index.js";
import { NOTIFY_KEYEVENT, NOTIFY_KEYSPACE } from "./event-classes.js";
import { queueForPlugins } from "./plugin-subscribers.js";
import { listenedChanged } from "./listened-mirror.js";

/** Classes published to pub/sub (none unless K or E is on). */
let published = 0;
let keyspaceChannels = false;
let keyeventChannels = false;
/** Classes some plugin subscribed to. */
let subscribed = 0;
/** published | subscribed: the one check on the hot path. */
let listened = 0;
/** Nested calls whose events are silenced (call_command's flag). */
let silenced = 0;

const keyspacePrefixes: Buffer[] = [];
const keyeventPrefixes: Buffer[] = [];

/** Apply the `notify-keyspace-events` flags. */
export function setNotifyFlags(flags: number): void {
  keyspaceChannels = (flags & NOTIFY_KEYSPACE) !== 0;
  keyeventChannels = (flags & NOTIFY_KEYEVENT) !== 0;
  published = keyspaceChannels || keyeventChannels ? flags & ~(NOTIFY_KEYSPACE | NOTIFY_KEYEVENT) : 0;
  listened = published | subscribed;
  listenedChanged(listened);
}

/** The union of the plugins' subscriptions changed. */
export function setSubscribedClasses(mask: number): void {
  subscribed = mask;
  listened = published | subscribed;
  listenedChanged(listened);
}

/** True when an event of class `cls` would reach anyone (callers skip building what they would pass). */
export function listenedTo(cls: number): boolean {
  return (listened & cls) !== 0;
}

/**
 * Emit `event` of class `cls` about `key` (the bytes key[off, off+len)) in database `db`. The key may
 * live in a plugin's memory: it is copied before anything else can run.
 */
export function notify(cls: number, event: string | Buffer, db: number, key: Uint8Array, off = 0, len = key.length - off): void {
  if ((listened & cls) === 0 || silenced > 0) return;
  // With the config on but no client subscribed to any channel or pattern, no channel name is built.
  const toChannels = (published & cls) !== 0 && pubsub.channelCount + pubsub.patternCount > 0;
  if (!toChannels && (subscribed & cls) === 0) return;
  const keyBytes = Buffer.from(key.subarray(off, off + len));
  const eventBytes = typeof event === "string" ? Buffer.from(event, "latin1") : event;
  if (toChannels) {
    if (keyspaceChannels) deliver(Buffer.concat([prefix(keyspacePrefixes, "keyspace", db), keyBytes]), eventBytes);
    if (keyeventChannels) deliver(Buffer.concat([prefix(keyeventPrefixes, "keyevent", db), eventBytes]), keyBytes);
  }
  if (subscribed & cls) queueForPlugins(cls, eventBytes, db, keyBytes);
}

/** Silence events (nestable) while a command built from others runs them: it raises its own instead. */
export function silenceEvents(on: boolean): void {
  silenced += on ? 1 : -1;
}

/** The one call into pub/sub: a notification is delivered exactly as a client's PUBLISH would be. */
function deliver(channel: Buffer, message: Buffer): void {
  publish(channel, message);
}

function prefix(cache: Buffer[], kind: string, db: number): Buffer {
  return (cache[db] ??= Buffer.from(`__${kind}@${db}__:`, "latin1"));
}
