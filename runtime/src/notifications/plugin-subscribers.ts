// Plugins subscribed to event classes (event_subscribe, host API 1.2) and delivery to their
// ferrite_on_event export. Delivery is deferred, never re-entrant: events queue while a command runs and
// reach the subscribers once it has written all its effects (after the command, after a blocked client's
// rerun, after an active-expiry cycle), outside any other plugin call. Order is FIFO: each event goes to
// every subscriber of its class, in subscription order, before the next event.
import type { Plugin } from "../plugin/plugin.js";
import { PluginFailure } from "../plugin/plugin-failure.js";
import type { CallContext } from "../plugin/call-context.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import type { Database } from "../keyspace/database.js";
import { log } from "../log.js";

interface QueuedEvent {
  cls: number;
  db: number;
  /** The event name, then the key: the [event, key] argument table the export receives. */
  bytes: Buffer;
  eventLen: number;
}

/** A subscriber whose writes raise events it subscribes to could otherwise feed itself forever. */
const MAX_EVENTS_PER_DRAIN = 100_000;

/** One per server (its Notifications'). */
export class PluginSubscribers {
  private readonly subscribers = new Map<Plugin, number>();
  private readonly queue: QueuedEvent[] = [];
  /** Replies a subscriber writes while handling an event go nowhere: there is no client. */
  private readonly discarded = new ReplyWriter();
  private readonly offsets = new Int32Array(2);
  private readonly lengths = new Int32Array(2);

  /** `classesChanged` hears the union of the subscriptions whenever it changes. */
  constructor(
    private readonly ctx: CallContext,
    private readonly classesChanged: (mask: number) => void,
  ) {}

  /** Set `plugin`'s class mask (0 ends its subscription). */
  subscribe(plugin: Plugin, mask: number): void {
    if (mask === 0) this.subscribers.delete(plugin);
    else this.subscribers.set(plugin, mask);
    let all = 0;
    for (const m of this.subscribers.values()) all |= m;
    this.classesChanged(all);
  }

  enqueue(cls: number, event: Buffer, db: number, key: Buffer): void {
    this.queue.push({ cls, db, bytes: Buffer.concat([event, key]), eventLen: event.length });
  }

  /** Hand the queued events to their subscribers; costs one length check when there are none. */
  deliver(databases: Database[]): boolean {
    const queue = this.queue;
    if (queue.length === 0) return false;
    const ctx = this.ctx;
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
        for (const [plugin, mask] of this.subscribers) if (mask & e.cls) this.deliverOne(plugin, e, databases);
      }
    } finally {
      queue.length = 0;
      this.discarded.rollback(0);
      ctx.bind(writer, dbIndex, db);
      ctx.canBlock = canBlock;
    }
    return true;
  }

  private deliverOne(plugin: Plugin, e: QueuedEvent, databases: Database[]): void {
    this.ctx.bind(this.discarded, e.db, databases[e.db]);
    const { offsets, lengths } = this;
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
}
