// Busy scripts (Redis's script.c run context, ADR 0038). A script (EVAL, FCALL and their variants) runs
// as long as it needs, with no CPU budget. Other clients wait, as on single-threaded Redis, until it
// has run busy-reply-threshold ms; from then on the sandbox's fuel checks call `onBusy`, which reads
// the other clients' sockets synchronously (the event loop cannot turn while wasm runs) and serves what
// they sent: `-BUSY …` for every command but the allow_busy ones (SCRIPT KILL, FUNCTION KILL, FUNCTION
// STATS, SHUTDOWN NOSAVE, AUTH, MULTI…), as Redis's processEventsWhileBlocked does from its Lua hook.
// The plugin's KILL commands run re-entrantly there and set a flag its Lua count hook turns into the
// script's error.
import { log } from "../log.js";
import { ReplyCount } from "../protocol/reply-count.js";
import { ProtocolError } from "../protocol/command-parser.js";
import type { Command } from "../command/command-table.js";
import type { Client } from "./client.js";
import type { Server } from "./server.js";
import { readNow } from "./socket-io.js";
import { execute } from "./dispatch.js";

const BUSY_EVAL = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
const BUSY_FUNCTION = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
const UNKILLABLE =
  "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the " +
  "script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";

/** How often a busy script lets the other clients in (Redis: every 100 000 Lua instructions, ≈ 1–5 ms). */
const SERVE_EVERY_MS = 5;

export class BusyScript {
  /** The client whose script is running, or null. */
  private client: Client | null = null;
  /** EVAL's family (SCRIPT KILL) or a function (FUNCTION KILL): which BUSY text and which KILL applies. */
  private isEval = true;
  /** A write command ran from the script (Redis's SCRIPT_WRITE_DIRTY): it can no longer be killed. */
  private wrote = false;
  /** Past the threshold: other clients are being answered. */
  busy = false;
  private thresholdMs = 5000;
  private serving = false;
  /** Error replies the served clients got, held out of errors.total until the script's own call is counted. */
  private heldErrors = 0;
  private readonly replies = new ReplyCount();
  private input: Buffer | null = null;

  constructor(private readonly server: Server) {}

  setThreshold(ms: number): void {
    this.thresholdMs = ms;
  }

  /** `cmd` (cmd.script) is about to run for `client`. */
  begin(client: Client, cmd: Command): void {
    // Redis feeds MONITOR a script's command before it runs (evalCommand, fcallCommandGeneric), so that
    // the commands it calls follow it; commandDone leaves it out.
    const monitor = this.server.observability.monitor;
    if (monitor.clients.size !== 0) monitor.feed(client, cmd);
    this.client = client;
    this.isEval = cmd.script === "eval";
    this.wrote = false;
    this.server.callContext.sandbox.runAsScript(this.thresholdMs, this.onBusy);
  }

  /** The script's command is over and counted. */
  end(): void {
    this.server.callContext.sandbox.runAsScript(0, null);
    this.server.observability.errors.total += this.heldErrors;
    this.heldErrors = 0;
    this.client = null;
    this.busy = false;
  }

  /** A script's redis.call ran `cmd`. */
  ran(cmd: Command): void {
    if (cmd.write) this.wrote = true;
  }

  /** The BUSY text of the script running now. */
  error(): string {
    return this.isEval ? BUSY_EVAL : BUSY_FUNCTION;
  }

  /**
   * The gate for a command sent while a script is busy (Redis's processCommand, and scriptKill's checks
   * that come before the engine's): the error it gets, or null when it may run.
   */
  refusal(cmd: Command, client: Client): string | null {
    if (!cmd.flags.has("allow_busy")) return this.error();
    const kill = cmd.name === "script|kill" ? "eval" : cmd.name === "function|kill" ? "function" : null;
    if (kill !== null && this.wrote) return UNKILLABLE;
    if (kill !== null && (kill === "eval") !== this.isEval) return this.error();
    // SHUTDOWN waits for the script unless NOSAVE (Redis's shutdownCommand).
    if (cmd.name === "shutdown" && !hasArg(client, "nosave")) return this.error();
    return null;
  }

  /** The sandbox's busy listener: serve the other clients, unless a plugin the script called is running. */
  private readonly onBusy = (): number => {
    if (this.serving || this.server.callContext.sandbox.nested) return 1;
    if (!this.busy) {
      this.busy = true;
      log("warning", `Slow script detected: still in execution after ${this.thresholdMs} milliseconds. ` +
        `You can try killing the script using the ${this.isEval ? "SCRIPT KILL" : "FUNCTION KILL"} command.`);
    }
    this.serveOthers();
    return SERVE_EVERY_MS;
  };

  /**
   * Read each other client's socket once and run what it sent. The call state of the script (its reply
   * buffer, database, clock, calling client) is put back afterwards: the commands served here are
   * nested inside the script's.
   */
  private serveOthers(): void {
    const server = this.server;
    const ctx = server.callContext;
    const { writer, replies, db, dbIndex, now, nowUs, lookupStats, noTouch, canBlock } = ctx;
    const caller = server.innerCalls.caller;
    const errors = server.observability.errors;
    const errorsBefore = errors.total;
    const input = (this.input ??= Buffer.allocUnsafe(64 * 1024));
    this.serving = true;
    ctx.replies = this.replies;
    ctx.freezeClock();
    try {
      for (const client of server.clients.values()) {
        if (client === this.client || client.socket.destroyed || client.blocked || client.suspended || client.postponed || client.closeAfterReply) continue;
        const n = readNow(client.socket, input);
        if (n > 0 && !server.feedInput(client, input, n)) continue;
        // Also what its parser already held: input read before the script, left for the next turn.
        this.serve(client);
      }
    } finally {
      this.serving = false;
      ctx.writer = writer;
      ctx.replies = replies;
      ctx.db = db;
      ctx.dbIndex = dbIndex;
      ctx.now = now;
      ctx.nowUs = nowUs;
      ctx.lookupStats = lookupStats;
      ctx.noTouch = noTouch;
      ctx.canBlock = canBlock;
      server.innerCalls.caller = caller;
      server.observability.clock.reset();
      this.heldErrors += errors.total - errorsBefore;
      errors.total = errorsBefore;
    }
  }

  private serve(client: Client): void {
    const server = this.server;
    try {
      while (!client.closeAfterReply && !client.blocked && client.parser.next()) {
        client.lastInteraction = server.callContext.now;
        server.observability.clock.reset();
        execute(server, client);
      }
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      client.writer.error(`ERR ${e.message}`);
      client.closeAfterReply = true;
    }
    client.parser.compact();
    server.stats.netOutput += client.writer.pos;
    client.flush();
    if (client.closeAfterReply) client.socket.end(() => client.socket.destroy());
  }
}

function hasArg(client: Client, word: string): boolean {
  for (let i = 1; i < client.argc(); i++) if (client.argString(i).toLowerCase() === word) return true;
  return false;
}
