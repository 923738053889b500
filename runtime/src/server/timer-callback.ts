// Running a plugin's timer callback (host API 1.7, plugin/plugin-timers.ts): between clients' commands,
// as a bounded call of its own with no client, like Redis running a module's timer from its event loop.
// Its writes take the paths a command's take — the write funnel (WATCH, blocked clients, dirty count),
// keyspace events delivered after it — and reach the AOF as their effects: there is no command line to
// log, so each key it wrote is logged as it is afterwards (persistence.propagateEffects).
import type { Plugin } from "../plugin/plugin.js";
import { PluginFailure } from "../plugin/plugin-failure.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import { KEY_CHANGED, LISTEN_ORDER, type KeyListener } from "../keyspace/key-listener.js";
import type { Server } from "./server.js";
import { log } from "../log.js";

/** The keys written during one callback, each once, in first-write order. */
class WrittenKeys implements KeyListener {
  private readonly seen = new Map<string, { db: number; key: Buffer }>();

  written(db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if ((how & KEY_CHANGED) === 0) return;
    const bytes = Buffer.from(key.subarray(off, off + len));
    const id = `${db}:${bytes.toString("latin1")}`;
    if (!this.seen.has(id)) this.seen.set(id, { db, key: bytes });
  }

  databaseReplaced(): void {}

  get keys(): { db: number; key: Buffer }[] {
    return [...this.seen.values()];
  }
}

/** One per server. */
export class TimerCallbacks {
  /** Replies a callback writes go nowhere: there is no client. */
  private readonly discarded = new ReplyWriter();

  constructor(private readonly server: Server) {}

  run(plugin: Plugin, id: number, payload: bigint, db: number): void {
    const server = this.server;
    if (server.plugins.get(plugin.name) !== plugin) return; // its load failed after ferrite_init set it
    const ctx = server.callContext;
    const canBlock = ctx.canBlock;
    ctx.freezeClock();
    ctx.bind(this.discarded, db, server.keyspace.databases[db]);
    ctx.canBlock = false;
    ctx.lookupStats = false;
    ctx.noTouch = false;
    server.keyspace.readOnlyOpens?.reset();
    const written = new WrittenKeys();
    server.keyspace.listen(written, LISTEN_ORDER.aof);
    try {
      plugin.guard(() => plugin.exports.ferrite_timer!(id, payload));
      const fault = server.keyspace.readOnlyOpens?.verify(server.keyspace.databases, ctx.now, "ferrite_timer");
      if (fault) log("warning", fault);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      log("warning", `${e.message} (timer ${id})`);
    } finally {
      server.keyspace.unlisten(written);
      ctx.canBlock = canBlock;
      this.discarded.rollback(0);
    }
    server.persistence.propagateEffects(written.keys);
    server.afterBackgroundWrites();
  }
}
