// Server-assisted client-side caching (CLIENT TRACKING), as Redis 7.2's tracking.c does it.
//
// - The tracking table maps a key name to the IDs of the clients that read it (one namespace for all
//   databases, as in Redis: a client drops every cached key of that name). Reads are remembered after
//   each read-only command, core or plugin, top-level or run by a script or another plugin, from the
//   command's key specs (remember()).
// - Writes reach it through the keyspace's write funnel (a KeyListener): every write, deletion, expiry
//   and eviction invalidates the key for the clients that read it, and the entry is dropped; FLUSHDB,
//   FLUSHALL and SWAPDB invalidate everything with one null message per tracking client.
// - BCAST clients remember nothing: keys changed under their prefixes are collected and sent once per
//   read batch (Redis: once per event-loop turn, in beforeSleep), one message per prefix.
// - Messages go through the pub/sub delivery (PubSub.pushTo): a message for the client whose command is
//   running follows that command's reply (Redis's tracking_pending_keys), others are sent with the batch.
import type { CommandClient as Client, Command } from "../command/command-table.js";
import { forEachKey } from "../command/command-keys.js";
import { KEY_EVICTED, KEY_EXPIRED, LISTEN_ORDER, type KeyListener } from "../keyspace/key-listener.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import type { PubSub } from "../pubsub/registry.js";
import { ClientTracking } from "./client-tracking.js";

/** A command line in place (a client's parser, a queued command, an inner call's copy). */
export interface TrackedArgs {
  buf: Uint8Array;
  argOffset: Int32Array;
  argLength: Int32Array;
  argc: number;
}

export interface TrackingOptions {
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
}

/** One BCAST prefix: its clients, and the keys changed under it since the last broadcast, each with the client that changed it last (NOLOOP). */
interface Broadcast {
  clients: Set<Client>;
  keys: Map<string, Client | null>;
}

const CHANNEL = "__redis__:invalidate";
/** Redis's shared.null, by the tracking client's protocol: a flush invalidates every key. */
const NULL_RESP2 = Buffer.from("$-1\r\n");
const NULL_RESP3 = Buffer.from("_\r\n");
/** Read-only scripts: the commands they run are remembered, not their declared keys (Redis 7.2, #11770). */
const READ_ONLY_SCRIPTS = new Set(["eval_ro", "evalsha_ro", "fcall_ro"]);

function latin1(buf: Uint8Array, off: number, len: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + off, len).toString("latin1");
}

export class Tracking implements KeyListener {
  /** Key → IDs of the clients that may cache it. IDs of clients gone or no longer tracking are dropped lazily, as Redis does. */
  private readonly table = new Map<string, Set<number>>();
  /** IDs across the table (INFO's tracking_total_items). */
  private items = 0;
  private readonly prefixes = new Map<string, Broadcast>();
  /** Clients with tracking on (INFO's tracking_clients). */
  clients = 0;
  /** A database was flushed or swapped: every tracking client gets a null invalidation after the command. */
  flushPending = false;
  /** Keys wait in a prefix's broadcast. */
  broadcastPending = false;
  /** tracking-table-max-keys; 0 for no limit. */
  maxKeys = 1_000_000;
  /** Runs in a row that left the table over its limit: each evicts more (Redis's timeout_counter). */
  private overLimitRuns = 0;
  private listening = false;
  /** Scratch writers: a message's value, and the message around it. */
  private readonly value = new ReplyWriter();
  private readonly message = new ReplyWriter();

  /** `byId`: the server's clients (redirect targets, flush messages); `pubsub`: the delivery. */
  constructor(
    private readonly keyspace: Keyspace,
    private readonly byId: ReadonlyMap<number, Client>,
    private readonly pubsub: PubSub,
  ) {}

  get totalKeys(): number {
    return this.table.size;
  }

  get totalItems(): number {
    return this.items;
  }

  get totalPrefixes(): number {
    return this.prefixes.size;
  }

  /** enableTracking: options replace the previous ones; BCAST prefixes add to the client's. */
  enable(c: Client, redirect: number, opts: TrackingOptions, prefixes: readonly string[]): void {
    let t = c.tracking;
    if (t === null) {
      t = c.tracking = new ClientTracking();
      this.clients++;
      // Writes pay for tracking only once some client has used it.
      if (!this.listening) this.keyspace.listen(this, LISTEN_ORDER.tracking);
      this.listening = true;
    }
    t.redirect = redirect;
    t.brokenRedirect = false;
    t.bcast = opts.bcast;
    t.optin = opts.optin;
    t.optout = opts.optout;
    t.noloop = opts.noloop;
    if (opts.bcast) for (const p of prefixes.length ? prefixes : [""]) this.addPrefix(c, t, p);
  }

  /** disableTracking: the table keeps the client's ID until its keys change (lazy, as Redis). */
  disable(c: Client): void {
    const t = c.tracking;
    if (t === null) return;
    for (const p of t.prefixes) {
      const b = this.prefixes.get(p)!;
      b.clients.delete(c);
      if (b.clients.size === 0) this.prefixes.delete(p);
    }
    c.tracking = null;
    this.clients--;
  }

  /**
   * After command `cmd` ran for (or inside the command of) client `c`, which tracks: a read-only
   * command's keys are remembered for it (trackingRememberKeys). Key names are copied into the table.
   */
  remember(c: Client, cmd: Command, args: TrackedArgs): void {
    const t = c.tracking;
    if (t === null || !t.remembersReads() || !cmd.flags.has("readonly") || cmd.flags.has("pubsub") || READ_ONLY_SCRIPTS.has(cmd.name)) return;
    const argv = new Array<string>(args.argc);
    for (let i = 0; i < args.argc; i++) argv[i] = latin1(args.buf, args.argOffset[i], args.argLength[i]);
    forEachKey(cmd.spec, argv, (i) => this.add(argv[i], c.id), cmd.findKeys);
  }

  /** After each command of a client: CLIENT CACHING holds for the next command only (a CLIENT subcommand or a transaction keeps it). */
  commandDone(c: Client, name: string | null): void {
    const t = c.tracking;
    if (t !== null && t.caching && c.multi === null && !name?.startsWith("client|")) t.caching = false;
  }

  written(_db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if (this.table.size === 0 && this.prefixes.size === 0) return;
    // An expiry or eviction is nobody's write: NOLOOP clients in BCAST mode hear of it too. Evictions
    // happen before a command runs (maxmemory), so its client hears of them before its reply, as in Redis.
    this.invalidate(latin1(key, off, len), how & KEY_EXPIRED ? null : this.pubsub.current, true, (how & KEY_EVICTED) !== 0);
  }

  databaseReplaced(): void {
    this.table.clear();
    this.items = 0;
    if (this.clients !== 0) this.flushPending = true;
  }

  /** trackingInvalidateKeysOnFlush's messages: one null invalidation per tracking client, however many databases went. */
  sendFlushes(): void {
    this.flushPending = false;
    for (const c of this.byId.values()) if (c.tracking !== null) this.send(c, c.proto === 3 ? NULL_RESP3 : NULL_RESP2);
  }

  /** trackingBroadcastInvalidationMessages: each prefix's changed keys to its clients, in one message. */
  broadcast(): void {
    this.broadcastPending = false;
    for (const b of this.prefixes.values()) {
      if (b.keys.size === 0) continue;
      const all = this.keyArray(b.keys, null)!;
      for (const c of b.clients) {
        const value = c.tracking!.noloop ? this.keyArray(b.keys, c) : all;
        if (value) this.send(c, value);
      }
      b.keys.clear();
    }
  }

  /**
   * trackingLimitUsedSlots: over tracking-table-max-keys, keys are dropped (oldest first) and their
   * clients told as if they had changed; 100 more per run while the table stays over the limit.
   */
  limit(): void {
    const max = this.maxKeys;
    if (max === 0) return;
    if (this.table.size <= max) {
      this.overLimitRuns = 0;
      return;
    }
    let effort = 100 * (this.overLimitRuns + 1);
    for (const key of this.table.keys()) {
      if (effort-- === 0) break;
      this.invalidate(key, null, false);
      if (this.table.size <= max) {
        this.overLimitRuns = 0;
        return;
      }
    }
    this.overLimitRuns++;
  }

  private add(key: string, id: number): void {
    let ids = this.table.get(key);
    if (ids === undefined) this.table.set(key, (ids = new Set()));
    if (ids.has(id)) return;
    ids.add(id);
    this.items++;
  }

  private addPrefix(c: Client, t: ClientTracking, prefix: string): void {
    let b = this.prefixes.get(prefix);
    if (b === undefined) this.prefixes.set(prefix, (b = { clients: new Set(), keys: new Map() }));
    b.clients.add(c);
    t.prefixes.add(prefix);
  }

  /**
   * trackingInvalidateKey: the clients that read `key` are told, and forget it. `by`: the client whose
   * write it was (BCAST's NOLOOP), null for the server's own; `bcast`: a real change, which BCAST
   * clients hear of too (an eviction from the table is not); `beforeReply`: see PubSub.pushTo.
   */
  private invalidate(key: string, by: Client | null, bcast: boolean, beforeReply = false): void {
    if (bcast && this.prefixes.size !== 0) this.collectForBroadcast(key, by);
    const ids = this.table.get(key);
    if (ids === undefined) return;
    const current = this.pubsub.current;
    let value: Uint8Array | null = null;
    for (const id of ids) {
      const target = this.byId.get(id);
      if (target === undefined) continue;
      const t = target.tracking;
      // A client that switched to BCAST gets no messages for keys it read before.
      if (t === null || t.bcast || (t.noloop && target === current)) continue;
      if (value === null) {
        const w = this.value;
        w.pos = 0;
        w.array(1);
        w.bulkLatin1(key);
        value = w.buf.subarray(0, w.pos);
      }
      this.send(target, value, beforeReply);
    }
    this.items -= ids.size;
    this.table.delete(key);
  }

  private collectForBroadcast(key: string, by: Client | null): void {
    for (const [prefix, b] of this.prefixes) {
      if (!key.startsWith(prefix)) continue;
      b.keys.set(key, by);
      this.broadcastPending = true;
    }
  }

  /** trackingBuildBroadcastReply: the keys as a RESP array, less those `noloop` changed itself; null when none is left. */
  private keyArray(keys: Map<string, Client | null>, noloop: Client | null): Buffer | null {
    let n = 0;
    for (const by of keys.values()) if (noloop === null || by !== noloop) n++;
    if (n === 0) return null;
    const w = this.value;
    w.pos = 0;
    w.array(n);
    for (const [key, by] of keys) if (noloop === null || by !== noloop) w.bulkLatin1(key);
    return Buffer.from(w.buf.subarray(0, w.pos));
  }

  /**
   * sendTrackingMessage: `value` (encoded RESP) as an `invalidate` push to a RESP3 client, or to its
   * redirect: a push in RESP3, a `__redis__:invalidate` message to a RESP2 client in pub/sub mode. A
   * RESP2 client without a redirect cannot be told. A redirect that is gone is reported to RESP3 clients.
   */
  private send(c: Client, value: Uint8Array, beforeReply = false): void {
    const t = c.tracking!;
    const w = this.message;
    w.pos = 0;
    let target = c;
    if (t.redirect !== 0) {
      const to = this.byId.get(t.redirect);
      if (to === undefined || to.closeAfterReply || to.socket.destroyed) {
        t.brokenRedirect = true;
        if (c.proto !== 3) return;
        w.proto = 3;
        w.push(2);
        w.bulkString("tracking-redir-broken");
        w.int(t.redirect);
        this.pubsub.pushTo(c, w.buf.subarray(0, w.pos), beforeReply);
        return;
      }
      target = to;
    }
    w.proto = target.proto;
    if (target.proto === 3) {
      w.push(2);
      w.bulkString("invalidate");
    } else if (t.redirect !== 0 && target.pubsub !== null) {
      w.array(3);
      w.bulkString("message");
      w.bulkString(CHANNEL);
    } else {
      return;
    }
    w.raw(value);
    this.pubsub.pushTo(target, w.buf.subarray(0, w.pos), beforeReply);
  }
}
