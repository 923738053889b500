// Plugins subscribed to event classes (event_subscribe, host API 1.2) and delivery to their
// ferrite_on_event export. Delivery is deferred, never re-entrant: events queue while a command runs and
// reach the subscribers once it has written all its effects (after the command, after a blocked client's
// rerun, after an active-expiry cycle), outside any other plugin call. Order is FIFO: each event goes to
// every subscriber of its class, in subscription order, before the next event.
import type { Plugin } from "../plugin/plugin.js";
import { PluginFailure } from "../plugin/plugin.js";
import { ctx } from "../plugin/call-context.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import type { Database } from "../keyspace/database.js";
import { log } from "../log.js";
import { setSubscribedClasses } from "./notify.js";

interface QueuedEvent {
  cls: number;
  db: number;
  /** The event name, then the key: the [event, key] argument table the export receives. */
  bytes: Buffer;
  eventLen: number;
}

const subscribers = new Map<Plugin, number>();
const queue: QueuedEvent[] = [];
/** A subscriber whose writes raise events it subscribes to could otherwise feed itself forever. */
const MAX_EVENTS_PER_DRAIN = 100_000;
/** Replies a subscriber writes while handling an event go nowhere: there is no client. */
const discarded = new ReplyWriter();
const offsets = new Int32Array(2);
const lengths = new Int32Array(2);

/** Set `plugin`'s class mask (0 ends its subscription). */
export function subscribePlugin(plugin: Plugin, mask: number): void {
  if (mask === 0) subscribers.delete(plugin);
  else subscribers.set(plugin, mask);
  let all = 0;
  for (const m of subscribers.values()) all |= m;
  setSubscribedClasses(all);
}

export function queueForPlugins(cls: number, event: Buffer, db: number, key: Buffer): void {
  queue.push({ cls, db, bytes: Buffer.concat([event, key]), eventLen: event.length });
}

/** Hand the queued events to their subscribers; costs one length check when there are none. */
export function deliverPluginEvents(databases: Database[]): boolean {
  if (queue.length === 0) return false;
  const { writer, db, dbIndex, canBlock } = ctx;
  ctx.canBlock = false;
  try {
    let delivered = 0;
    // Events raised by the subscribers themselves join the end of the queue and are delivered in turn.
    for (let i = 0; i < queue.length; i++) {
      if (++delivered > MAX_EVENTS_PER_DRAIN) {
        log("warning", `Keyspace event delivery stopped after ${MAX_EVENTS_PER_DRAIN} events: plugins keep raising events they subscribe to`);
        break;
      }
      const e = queue[i];
      for (const [plugin, mask] of subscribers) if (mask & e.cls) deliverOne(plugin, e, databases);
    }
  } finally {
    queue.length = 0;
    discarded.rollback(0);
    ctx.bind(writer, dbIndex, db);
    ctx.canBlock = canBlock;
  }
  return true;
}

function deliverOne(plugin: Plugin, e: QueuedEvent, databases: Database[]): void {
  ctx.bind(discarded, e.db, databases[e.db]);
  offsets[0] = 0;
  lengths[0] = e.eventLen;
  offsets[1] = e.eventLen;
  lengths[1] = e.bytes.length - e.eventLen;
  try {
    plugin.guard(() => plugin.exports.ferrite_on_event!(e.cls, e.db, plugin.writeArgs(2, e.bytes, offsets, lengths, 0)));
  } catch (err) {
    if (!(err instanceof PluginFailure)) throw err;
    log("warning", `${err.message} (handling keyspace event '${e.bytes.toString("latin1", 0, e.eventLen)}')`);
  }
}
