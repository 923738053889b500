// The server: listening socket, clients, the keyspace, the command table and the loaded plugins, and
// the periodic work (active expiry) Redis does in serverCron.
import { wireLazyfree } from "./wire-lazyfree.js";
import { createServer, type Server as NetServer, type Socket } from "node:net";
import { mkdirSync } from "node:fs";
import type { Config } from "../config/config.js";
import { CommandTable } from "../command/command-table.js";
import { Client } from "./client.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { tieredKeyspace } from "../tiers/tiered-keyspace.js";
import { PluginRegistry } from "./plugin-registry.js";
import { call, execute, rerunBlocked } from "./dispatch.js";
import type { Command } from "../command/command-table.js";
import type { BlockRequest } from "../plugin/host-services.js";
import { registerCoreCommands } from "../commands/index.js";
import { ProtocolError, QueryBufferLimitError } from "../protocol/command-parser.js";
import { CallContext } from "../plugin/call-context.js";
import { hostServices, type PluginReplication } from "../plugin/host-services.js";
import { log, setLogLevel } from "../log.js";
import { startEventLoopMonitor } from "./event-loop-monitor.js";
import { readFrom } from "./socket-io.js";
import { BusyScript } from "./busy-script.js";
import { GoodReplicas } from "./good-replicas.js";
import { Notifications, watchNotifyConfig } from "../notifications/index.js";
import { PubSub } from "../pubsub/registry.js";
import { Blocking } from "./blocking.js";
import { WatchedKeys } from "../transactions/watched-keys.js";
import { MaxMemory } from "../memory/maxmemory.js";
import { OutputBufferLimits, logOverLimit } from "./output-buffer-limit.js";
import { AccessControl } from "../acl/access-control.js";
import { clientLine } from "../commands/client-line.js";
import { wireMaxMemory } from "../memory/wire-maxmemory.js";
import { Observability } from "../observability/observability.js";
import { ClientPause } from "./client-pause.js";
import { Persistence } from "../persistence/persistence.js";
import { PROTECTED_MODE_DENIED, protectedModeRefuses } from "../acl/outside-access.js";
import { tierSettings } from "../tiers/settings.js";
import { TurnBudget } from "./turn-budget.js";
import { ReleasedBuffers } from "../memory/released-buffers.js";
import { InnerCalls } from "./inner-calls.js";
import { replayAof } from "./aof-replay.js";
import { Tracking } from "../tracking/tracking.js";
import { warmUp } from "./warm-up.js";
import { PluginTimers } from "../plugin/plugin-timers.js";
import { TimerCallbacks } from "./timer-callback.js";
import { DatabaseEvents } from "../notifications/database-events.js";

/** What one event-loop turn may spend on clients' input before the rest waits for the next (turn-budget.ts). */
const TURN_BUDGET_MS = 4;

export class Stats {
  connections = 0;
  commands = 0;
  rejectedConnections = 0;
  expiredKeys = 0;
  netInput = 0;
  netOutput = 0;
  reads = 0;
  writes = 0;
  readonly eventLoop = startEventLoopMonitor();
  reset(): void {
    this.connections = this.commands = this.rejectedConnections = this.netInput = this.netOutput = 0;
    this.reads = this.writes = 0;
    this.eventLoop.reset();
  }
}

/**
 * Closes the connection once the replies written so far are sent: end() alone only half-closes, and
 * the server would go on reading (and buffering) what a desynchronised client keeps sending. Redis
 * closes the socket whole, so that client's next writes fail (unit/protocol's desync tests).
 */
function closeOnceSent(client: Client): void {
  client.socket.end(() => client.socket.destroy());
}

declare module "../command/command-table.js" {
  /** A core command's handler gets the client that sent it and its server. */
  interface CommandBindings {
    client: Client;
    server: Server;
  }
}

/**
 * One server: the composition root that makes every per-server object and passes each the others it
 * needs (ADR 0022). Nothing of a server lives in a module variable, so servers in one process share
 * nothing but the process's own resources (the log, V8's heap).
 */
export class Server {
  /** The state of the plugin call running now: its reply buffer, database, frozen clock, sandbox. */
  readonly callContext = new CallContext();
  readonly pubsub = new PubSub((c) => this.send(c));
  readonly notifications = new Notifications(this.pubsub, this.callContext);
  readonly keyspace: Keyspace;
  /** Clients blocked on keys (BLPOP…), woken through the keyspace's write funnel. */
  readonly blocking: Blocking;
  /** Keys clients WATCH, invalidated through the keyspace's write funnel. */
  readonly watches: WatchedKeys;
  /** maxmemory: accounting and eviction. */
  readonly memory: MaxMemory;
  /** CLIENT TRACKING: who read which keys, told of their changes through the keyspace's write funnel. */
  readonly tracking: Tracking;
  readonly commands = new CommandTable();
  readonly plugins: PluginRegistry;
  readonly persistence: Persistence;
  readonly clients = new Map<number, Client>();
  readonly stats = new Stats();
  readonly outputLimits: OutputBufferLimits;
  readonly acl: AccessControl;
  readonly startedAt = Date.now();
  readonly observability: Observability;
  readonly pause = new ClientPause((c) => this.resume(c), (held) => (this.keyspace.expiryPaused = held));
  /** Large reply buffers dropped, returned to the OS by a collection the cron starts. */
  private readonly releasedBuffers = new ReleasedBuffers();
  /** The check every command a plugin runs (call_command) goes through. */
  readonly innerCalls = new InnerCalls(this);
  /** Plugins' timers (host API 1.7), their callbacks run between clients' commands. */
  private readonly timerCallbacks = new TimerCallbacks(this);
  readonly timers = new PluginTimers((plugin, id, payload, db) => this.timerCallbacks.run(plugin, id, payload, db));
  /** The script running now, and the other clients served while it is busy. */
  readonly busyScript = new BusyScript(this);
  readonly replicas: GoodReplicas;
  private nextClientId = 1;
  private peaksResetAt = Date.now();
  private readonly turn = new TurnBudget(TURN_BUDGET_MS, (client, now) => this.processInput(client, now));
  private net: NetServer | null = null;
  private cron: NodeJS.Timeout | null = null;

  constructor(readonly config: Config) {
    this.keyspace = tieredKeyspace(config.int("databases"), tierSettings(config), this.notifications);
    this.blocking = new Blocking(this.keyspace);
    this.watches = new WatchedKeys(this.keyspace);
    this.tracking = new Tracking(this.keyspace, this.clients, this.pubsub);
    this.memory = new MaxMemory(this.keyspace);
    this.replicas = new GoodReplicas(config);
    this.observability = new Observability(this);
    const host = hostServices({
      keyspace: this.keyspace, commands: this.commands, ctx: this.callContext, events: this.notifications,
      blocking: this.blocking, calls: this.innerCalls, errors: this.observability.errors, timers: this.timers,
      databaseEvents: new DatabaseEvents(this.callContext, this.keyspace),
      replication: this.persistenceReplication(),
      configText: (plugin, index) => this.plugins.configText(plugin, index),
    });
    this.plugins = new PluginRegistry(host, () => ({
      maxMemory: config.int("plugin-max-memory"),
      maxFileSize: config.int("plugin-max-file-size"),
    }), config);
    registerCoreCommands(this);
    wireLazyfree(config, this.keyspace.lazyfree, host);
    this.outputLimits = new OutputBufferLimits(config);
    this.acl = new AccessControl(this.commands, config, (c) => clientLine(c, c, Date.now()));
    wireMaxMemory(this);
    this.persistence = new Persistence(this);
    config.follow(["plugin-call-budget-ms"], () => this.callContext.sandbox.setCallBudget(config.int("plugin-call-budget-ms")));
    config.follow(["busy-reply-threshold"], () => this.busyScript.setThreshold(config.int("busy-reply-threshold")));
    config.follow(["plugin-debug-write-intent"], () => this.keyspace.debugWriteIntent(config.bool("plugin-debug-write-intent")));
    config.onChange("loglevel", setLogLevel);
    config.follow(["lfu-log-factor", "lfu-decay-time"], () => {
      this.keyspace.lfuLogFactor = config.int("lfu-log-factor");
      this.keyspace.lfuDecayTime = config.int("lfu-decay-time");
    });
    config.onChange("hz", () => this.startCron());
    config.follow(["tracking-table-max-keys"], () => (this.tracking.maxKeys = config.int("tracking-table-max-keys")));
    watchNotifyConfig(config, this.notifications);
    const limits = () => {
      for (const c of this.clients.values()) c.parser.limits = this.parserLimits();
    };
    config.onChange("proto-max-bulk-len", limits);
    config.onChange("client-query-buffer-limit", limits);
  }

  /** replicate's way to the AOF (Persistence is made after the plugin host, which holds this). */
  private persistenceReplication(): PluginReplication {
    const server = this;
    return {
      get wanted() {
        return server.persistence.logging;
      },
      replicate: (db, argv) => server.persistence.replicate(db, argv),
    };
  }

  parserLimits() {
    return { protoMaxBulkLen: this.config.int("proto-max-bulk-len"), clientQueryBufferLimit: this.config.int("client-query-buffer-limit") };
  }

  /** Before the first client and before loading data: the request path run hot, then every trace of it removed (warm-up.ts). */
  warmUp(): number {
    return warmUp(this, (client) => this.processInput(client));
  }

  async listen(): Promise<void> {
    mkdirSync(this.config.get("dir"), { recursive: true });
    // Paused on connect: socket-io.ts reads the handle itself rather than through 'data' events.
    const net = createServer({ noDelay: true, pauseOnConnect: true }, (socket) => this.accept(socket));
    this.net = net;
    const port = this.config.int("port");
    const hosts = this.config.get("bind").split(/\s+/).filter(Boolean);
    await new Promise<void>((ok, fail) => {
      net.once("error", fail);
      net.listen({ port, host: hosts[0] }, () => ok());
    });
    log("notice", `Ready to accept connections tcp on ${hosts[0]}:${port}`);
    this.startCron();
  }

  private startCron(): void {
    if (this.cron) clearInterval(this.cron);
    this.cron = setInterval(() => this.serverCron(), Math.max(2, Math.floor(1000 / this.config.int("hz"))));
    this.cron.unref();
  }

  private serverCron(): void {
    this.closeIdleClients();
    // A client that went quiet over the soft limit is closed when its time is up, as Redis's clientsCron does.
    for (const c of this.clients.values()) if (this.outputLimits.exceeded(c)) this.closeOverOutputLimit(c);
    this.clientsCron(Date.now());
    this.keyspace.tiers.step();
    this.releasedBuffers.collectIfDue();
    this.tracking.limit();
    // Keys do not expire during CLIENT PAUSE, as in Redis (the dataset stays as the pause found it).
    if (this.config.bool("active-expire-enabled") && !this.pause.mode) this.activeExpireCycle();
    this.sendInvalidations();
  }

  private activeExpireCycle(): void {
    const now = Date.now();
    const deadline = performance.now() + 2; // keep the event loop responsive: ≈ Redis's 25% of a 100 ms tick, bounded
    for (const db of this.keyspace.databases) {
      if (db.table.volatileCount() === 0 || this.keyspace.expiryPaused) continue;
      // Redis's adaptive rule: keep sampling while more than a quarter of the sample was expired.
      while (performance.now() < deadline && db.expireCycle(now, 20) > 5);
    }
    this.callContext.freezeClock();
    this.notifications.deliverPluginEvents(this.keyspace.databases);
  }

  /**
   * Redis's clientsCron housekeeping: every tick the query buffers are resized (one idle over 2 s given
   * back; Redis visits each of a few clients every tick too), and every 5 s the reply buffers' peaks
   * start over (CLIENT LIST's qbuf-free and rbp).
   */
  private clientsCron(now: number): void {
    const resetPeaks = now - this.peaksResetAt >= 5000;
    if (resetPeaks) this.peaksResetAt = now;
    for (const c of this.clients.values()) {
      if (!c.blocked && !c.postponed && !c.suspended) c.parser.resize(now - c.lastInteraction > 2000);
      if (resetPeaks) c.replyPeak = c.writer.pos;
    }
  }

  /** The `timeout` config: clients idle longer than it are closed, as Redis's clientsCronHandleTimeout does. */
  private closeIdleClients(): void {
    const timeout = this.config.int("timeout") * 1000;
    if (timeout === 0) return;
    const now = Date.now();
    for (const c of this.clients.values()) if (now - c.lastInteraction > timeout) c.socket.destroy();
  }

  private accept(socket: Socket): void {
    if (this.clients.size >= this.config.int("maxclients")) {
      this.stats.rejectedConnections++;
      socket.end("-ERR max number of clients reached\r\n");
      return;
    }
    if (protectedModeRefuses(this.config, this.acl.users.default, socket.remoteAddress)) {
      this.stats.rejectedConnections++;
      socket.end(PROTECTED_MODE_DENIED);
      return;
    }
    const client = new Client(this.nextClientId++, socket, this.parserLimits(), !this.acl.newClientAuthenticated(), this.observability.errors, this.releasedBuffers);
    client.user = this.acl.users.default;
    this.clients.set(client.id, client);
    this.stats.connections++;
    readFrom(socket, (chunk, length) => this.onData(client, chunk, length));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.clients.delete(client.id);
      this.pubsub.drop(client);
      if (client.blocked) this.blocking.unblock(client.blocked);
      this.watches.unwatchAll(client);
      this.tracking.disable(client);
      client.writer.close();
    });
  }

  private onData(client: Client, chunk: Buffer, length: number): void {
    if (this.feedInput(client, chunk, length)) this.turn.input(client, Date.now());
  }

  /** Count and parse bytes a client sent; false when they overflowed its query buffer (it is closed then). */
  feedInput(client: Client, chunk: Buffer, length: number): boolean {
    this.stats.netInput += length;
    this.stats.reads++;
    try {
      client.parser.feed(chunk, length);
    } catch (e) {
      if (!(e instanceof QueryBufferLimitError)) throw e;
      log("warning", `Closing client that reached max query buffer length (id=${client.id} addr=${client.addr})`);
      client.socket.destroy();
      return false;
    }
    return true;
  }

  /** Run the client's buffered commands, until it blocks or closes, then send the replies in one write. */
  private processInput(client: Client, now = Date.now()): void {
    const parser = client.parser;
    const ctx = this.callContext;
    const clock = this.observability.clock;
    const pubsub = this.pubsub;
    ctx.freezeClock(now);
    client.lastInteraction = ctx.now;
    clock.reset();
    pubsub.beginBatch(client);
    try {
      while (!client.closeAfterReply && !client.blocked && !client.postponed && !client.suspended && parser.next()) {
        execute(this, client);
        if (this.tracking.flushPending) this.tracking.sendFlushes();
        // The command's own messages follow its reply, before a served blocked client's are collected.
        pubsub.afterCommand(client);
        if (this.blocking.hasReady()) {
          this.serveBlocked();
          clock.reset();
        }
        if (this.notifications.deliverPluginEvents(this.keyspace.databases)) clock.reset();
        pubsub.afterCommand(client);
      }
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      client.writer.error(`ERR ${e.message}`);
      client.closeAfterReply = true;
    }
    if (this.tracking.broadcastPending) {
      this.tracking.broadcast();
      pubsub.afterCommand(client);
    }
    clock.reset();
    parser.compact();
    this.send(client);
    pubsub.endBatch();
    if (client.closeAfterReply) closeOnceSent(client);
  }

  private send(client: Client): void {
    this.stats.netOutput += client.writer.pos;
    if (client.writer.pos > 0) this.stats.writes++;
    this.persistence.flush();
    client.flush();
    if (this.outputLimits.exceeded(client)) this.closeOverOutputLimit(client);
  }

  private closeOverOutputLimit(client: Client): void {
    logOverLimit(client);
    client.socket.destroy();
    // Gone at once: no more messages queue for it before the socket's close event.
    this.clients.delete(client.id);
    this.pubsub.drop(client);
    client.writer.pos = 0;
  }

  block(client: Client, command: Command, request: BlockRequest): void {
    this.blocking.block(client, command, client.db, request, (bc) => this.unblock(bc.client, null));
  }

  /**
   * Ends a client's wait on keys (its timeout, CLIENT UNBLOCK): the null its command's family answers on
   * a timeout, or `error`'s text, then its pending commands. False when it was not blocked on keys.
   */
  unblock(client: Client, error: string | null): boolean {
    const bc = client.blocked;
    if (bc === null) return false;
    if (error !== null) client.writer.error(error);
    else if (bc.timeoutReplyNull) client.writer.null();
    else client.writer.nullArray();
    this.observability.commandAnswered(client, bc.command, bc.usec, error !== null, bc.argv);
    this.blocking.unblock(bc);
    this.resume(client);
    return true;
  }

  private serveBlocked(): void {
    const served: Client[] = [];
    this.blocking.serveReady((bc) => {
      // It is the served client's command that runs: its own messages follow its reply.
      const batch = this.pubsub.beginBatch(bc.client);
      const replied = rerunBlocked(this, bc);
      this.pubsub.afterCommand(bc.client);
      this.pubsub.beginBatch(batch);
      if (replied) served.push(bc.client);
      return replied;
    });
    for (const c of served) this.resume(c);
  }

  /** Invalidations of the server's own work (active expiry, the tracking table's limit), outside any client's batch. */
  private sendInvalidations(): void {
    if (this.tracking.flushPending) this.tracking.sendFlushes();
    if (this.tracking.broadcastPending) this.tracking.broadcast();
  }

  /**
   * After writes made outside a client's command (a plugin's timer callback): clients blocked on the keys
   * written are served, plugins get the keyspace events, tracking clients their invalidations, and the
   * AOF reaches the file.
   */
  afterBackgroundWrites(): void {
    if (this.blocking.hasReady()) this.serveBlocked();
    this.notifications.deliverPluginEvents(this.keyspace.databases);
    this.sendInvalidations();
    this.persistence.flush();
  }

  /** A client just unblocked: send its reply now, and run what it pipelined behind the blocking command. */
  resume(client: Client): void {
    this.send(client);
    setImmediate(() => {
      if (!client.socket.destroyed && !client.blocked && !client.suspended) this.processInput(client);
    });
  }

  kill(client: Client): void {
    client.closeAfterReply = true;
    this.pubsub.drop(client);
    closeOnceSent(client);
  }

  /**
   * Runs one command for `client` as the dispatcher does, its reply, errors, stats and latency included
   * (EXEC runs its queued commands so: commands/ cannot import the dispatcher).
   */
  call(client: Client, cmd: Command): void {
    call(this, client, cmd);
  }

  /** Runs an AOF file's commands (persistence/ asks: it cannot import the dispatcher); returns how many. */
  replayAof(path: string, last: boolean): number {
    return replayAof(this, path, last);
  }

  /** Exits, unless the final save fails (then returns, as Redis refuses to exit). */
  shutdown(mode: "default" | "save" | "nosave" = "default"): void {
    log("warning", "User requested shutdown...");
    if (this.persistence.shutdown(mode)) {
      log("warning", "Error trying to save the DB, can't exit.");
      return;
    }
    void this.close();
    log("warning", "Ferrite is now ready to exit, bye bye...");
    process.exit(0);
  }

  /**
   * Stops serving without exiting: clients closed, the port released, periodic work stopped, the AOF
   * closed (no final save). SHUTDOWN's last step, and all a server started inside another program needs.
   */
  async close(): Promise<void> {
    for (const c of this.clients.values()) c.socket.destroy();
    if (this.cron) clearInterval(this.cron);
    this.timers.stop();
    this.observability.stop();
    this.persistence.shutdown("nosave");
    this.persistence.stop();
    const net = this.net;
    if (net) await new Promise<void>((done) => net.close(() => done()));
  }
}
