// Database events for plugins (host API 1.7 db_event_subscribe / ferrite_on_db_event): a plugin that
// keeps an index per database learns that one was flushed or that two were swapped, as a Redis module
// does through RedisModule_SubscribeToServerEvent (FlushDB, SwapDB). Delivered at once, from inside the
// flush or swap (the keyspace's replace listeners), not queued like keyspace events: a write later in
// the same EXEC or script must find the plugin's indexes already matching the new contents.
import type { Keyspace } from "../keyspace/keyspace.js";
import type { Plugin } from "../plugin/plugin.js";
import { PluginFailure } from "../plugin/plugin-failure.js";
import type { CallContext } from "../plugin/call-context.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import { ReplyCount } from "../protocol/reply-count.js";
import { log } from "../log.js";

export const DB_FLUSHED = 1;
export const DB_SWAPPED = 2;

/** One per server. */
export class DatabaseEvents {
  private readonly subscribers = new Map<Plugin, number>();
  /** Replies a handler writes go nowhere; the running command's reply count is left alone. */
  private readonly discarded = new ReplyWriter();
  private readonly replies = new ReplyCount();
  private watching = false;

  constructor(
    private readonly ctx: CallContext,
    private readonly keyspace: Keyspace,
  ) {}

  /** Set `plugin`'s event mask (0 ends its subscription). */
  subscribe(plugin: Plugin, mask: number): void {
    if (mask === 0) this.subscribers.delete(plugin);
    else this.subscribers.set(plugin, mask);
    const want = this.subscribers.size > 0;
    if (want === this.watching) return;
    this.watching = want;
    if (want) this.keyspace.watchReplaced(this);
    else this.keyspace.unwatchReplaced(this);
  }

  forget(plugin: Plugin): void {
    this.subscribe(plugin, 0);
  }

  /** The keyspace's replace listener: `by` -1 for a flush; a swap is reported twice, (a, b) and (b, a), and told once. */
  databaseReplaced(db: number, by: number): void {
    if (by !== -1 && by < db) return;
    const event = by === -1 ? DB_FLUSHED : DB_SWAPPED;
    for (const [plugin, mask] of this.subscribers) if (mask & event) this.deliver(plugin, event, db, by);
  }

  private deliver(plugin: Plugin, event: number, db: number, other: number): void {
    const ctx = this.ctx;
    const { writer, replies, db: database, dbIndex, canBlock } = ctx;
    ctx.writer = this.discarded;
    ctx.replies = this.replies;
    ctx.db = this.keyspace.databases[db];
    ctx.dbIndex = db;
    ctx.canBlock = false;
    try {
      plugin.guard(() => plugin.exports.ferrite_on_db_event!(event, db, other));
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      log("warning", `${e.message} (handling database event ${event === DB_FLUSHED ? "flushed" : "swapped"} of db ${db})`);
    } finally {
      this.discarded.rollback(0);
      ctx.writer = writer;
      ctx.replies = replies;
      ctx.db = database;
      ctx.dbIndex = dbIndex;
      ctx.canBlock = canBlock;
    }
  }
}
