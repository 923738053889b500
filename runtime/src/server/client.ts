// One connection: its parser and output buffer, and the per-client state commands read and change.
import type { Socket } from "node:net";
import { CommandParser, type ParserLimits } from "../protocol/command-parser.js";
import { ReplyWriter, UNCOUNTED, type ErrorCounter } from "../protocol/reply-writer.js";
import type { ReleasedBuffers } from "../memory/released-buffers.js";
import type { BlockedClient } from "./blocking.js";
import { pendingBytes, writeFrom } from "./socket-io.js";
import { REPLY_ON } from "../command/reply-mode.js";
import type { ClientSubscriptions } from "../pubsub/kinds.js";
import type { User } from "../acl/user.js";
import type { CommandArgs } from "../protocol/arg-list.js";
import type { MultiState } from "../transactions/multi-state.js";
import type { WatchedKey } from "../transactions/watched-keys.js";
import type { ClientTracking } from "../tracking/client-tracking.js";

export class Client {
  readonly parser: CommandParser;
  /** Its output buffer; lent out for a moment when a plugin runs a core command as it (inner-calls.ts). */
  writer: ReplyWriter;
  /** The arguments of the command being run: the parser's, or a queued command's while EXEC runs it. */
  argv: CommandArgs;
  name = "";
  libName = "";
  libVer = "";
  db = 0;
  /** While blocked (BLPOP…), its further commands wait in the parser. */
  blocked: BlockedClient | null = null;
  /**
   * While its command finishes off the event loop (MODULE LOAD reading and compiling a plugin): its
   * further commands wait in the parser, and run in order once that command has replied.
   */
  suspended = false;
  /** The AOF replay's client: it obeys the file (Redis's mustObeyClient), not the gates meant for connections. */
  replaying = false;
  /** CLIENT REPLY's mode (client-reply.ts): REPLY_ON, or which replies are dropped. */
  replyMode = REPLY_ON;
  /** Set by QUIT or a protocol error: reply, flush, then close. */
  closeAfterReply = false;
  readonly createdAt = Date.now();
  lastInteraction = Date.now();
  lastCommand = "NULL";
  /** Its channels, patterns and shard channels; null while it has none (not in pub/sub mode). */
  pubsub: ClientSubscriptions | null = null;
  /** The most output one batch wrote since the server's last 5-second reset (CLIENT LIST's rbp, Redis's buf_peak). */
  replyPeak: number;
  /** When its pending output went over the soft limit (seconds since the epoch), 0 while under it. */
  softLimitReachedAt = 0;
  /** The ACL user it runs as: `default` until AUTH or HELLO AUTH names another. */
  user!: User;
  /** MONITOR, CLIENT NO-EVICT / NO-TOUCH, and a command held by CLIENT PAUSE (it waits in the parser). */
  monitoring = false;
  noEvict = false;
  noTouch = false;
  postponed = false;
  /** The commands queued since MULTI, or null outside a transaction. */
  multi: MultiState | null = null;
  /** Its WATCHed keys, and whether one changed since (EXEC will fail: Redis's CLIENT_DIRTY_CAS). */
  watched: WatchedKey[] = [];
  dirtyCas = false;
  /** CLIENT TRACKING's state, null while tracking is off. */
  tracking: ClientTracking | null = null;
  readonly addr: string;
  readonly laddr: string;

  /** `errors`: its server's count of error replies; `released`: its server's record of dropped buffers. */
  constructor(
    readonly id: number, readonly socket: Socket, limits: ParserLimits, needsAuth: boolean,
    errors: ErrorCounter = UNCOUNTED, released: ReleasedBuffers | null = null,
  ) {
    this.writer = new ReplyWriter(errors, released);
    this.replyPeak = this.writer.buf.length;
    this.parser = new CommandParser(limits);
    this.argv = this.parser;
    this.parser.authRequired = needsAuth;
    this.addr = `${socket.remoteAddress}:${socket.remotePort}`;
    this.laddr = `${socket.localAddress}:${socket.localPort}`;
  }

  /** The parser applies Redis's tighter size limits to unauthenticated clients. */
  get authenticated(): boolean {
    return !this.parser.authRequired;
  }

  set authenticated(yes: boolean) {
    this.parser.authRequired = !yes;
  }

  get proto(): 2 | 3 {
    return this.writer.proto;
  }

  /** Bytes of argument i of the current command, as a latin1 string (binary safe, never lossy). */
  argString(i: number): string {
    const p = this.argv;
    return p.buf.toString("latin1", p.argOffset[i], p.argOffset[i] + p.argLength[i]);
  }

  argBuffer(i: number): Buffer {
    const p = this.argv;
    return p.buf.subarray(p.argOffset[i], p.argOffset[i] + p.argLength[i]);
  }

  argc(): number {
    return this.argv.argc;
  }

  flush(): void {
    const pos = this.writer.pos;
    if (pos > this.replyPeak) this.replyPeak = pos;
    if (pos > 0 && !this.socket.destroyed) writeFrom(this.socket, this.writer);
  }

  /** Bytes written to the socket but not yet taken by the kernel (CLIENT LIST's omem, INFO, output limits). */
  outputPending(): number {
    return pendingBytes(this.socket);
  }
}
