// Clients blocked on keys (BLPOP, BZPOPMIN, XREAD BLOCK …), the Redis module API's BlockClientOnKeys
// made generic: a plugin command that cannot be served yet calls block_on_keys; when one of the keys is
// signalled ready, the host runs the same command again for the waiting clients in FIFO order, after
// the command that signalled has finished, until one run replies. Timeouts answer a null.
import type { Client } from "./client.js";
import type { Command } from "../command/command-table.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { KEY_DELETED, KEY_STORED, LISTEN_ORDER, type KeyListener } from "../keyspace/key-listener.js";
import type { BlockRequest, BlockingState } from "../plugin/host-services.js";

export interface BlockedClient {
  client: Client;
  command: Command;
  db: number;
  /** Queue names (`db:key` in latin1) this client waits in. */
  queues: string[];
  args: Buffer;
  offsets: Int32Array;
  lengths: Int32Array;
  timeoutReplyNull: boolean;
  data: Buffer;
  timer: NodeJS.Timeout | null;
  /** Microseconds its runs took so far: counted as one call when it is answered (Redis's c->duration). */
  usec: number;
  /** Its arguments, for the slow log once it is answered. */
  argv: { buf: Buffer; argOffset: Int32Array; argLength: Int32Array; argc: number };
}

const queueName = (db: number, key: string) => `${db}:${key}`;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One per server. It listens to the write funnel while some client is blocked. */
export class Blocking implements KeyListener, BlockingState {
  private readonly queues = new Map<string, BlockedClient[]>();
  private readonly ready = new Set<string>();
  /** Set by block_on_keys during the current run; read by the dispatcher once the run returns. */
  request: BlockRequest | null = null;
  /** The blocked client whose command is being run again, or null for a fresh command. */
  rerun: BlockedClient | null = null;
  count = 0;

  constructor(private readonly keyspace: Keyspace) {}

  written(db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if (how & (KEY_STORED | KEY_DELETED)) this.signal(db, key, off, len);
  }

  /** Every waiter of an emptied or swapped database runs again and decides for itself (XREADGROUP fails, BLPOP waits on). */
  databaseReplaced(db: number): void {
    this.signalDatabase(db);
  }

  /** A key holds a value now: clients waiting on it get a chance once the current command is done. */
  signal(db: number, key: Uint8Array, off: number, len: number): void {
    if (this.count === 0) return;
    const name = queueName(db, Buffer.from(key.buffer, key.byteOffset + off, len).toString("latin1"));
    if (this.queues.has(name)) this.ready.add(name);
  }

  /** Database `db` was flushed or swapped: every key its clients wait on may be gone or of another type. */
  signalDatabase(db: number): void {
    if (this.count === 0) return;
    const prefix = `${db}:`;
    for (const name of this.queues.keys()) if (name.startsWith(prefix)) this.ready.add(name);
  }

  hasReady(): boolean {
    return this.ready.size > 0;
  }

  /** Register `client` as blocked by the command it just ran (its arguments are still in `client.argv`). */
  block(client: Client, command: Command, db: number, req: BlockRequest, onTimeout: (bc: BlockedClient) => void): BlockedClient {
    const p = client.argv;
    const start = p.argOffset[0];
    let end = start;
    for (let i = 0; i < p.argc; i++) end = Math.max(end, p.argOffset[i] + p.argLength[i]);
    const offsets = new Int32Array(p.argc);
    for (let i = 0; i < p.argc; i++) offsets[i] = p.argOffset[i] - start;
    const args = Buffer.from(p.buf.subarray(start, end));
    const queues: string[] = [];
    const last = Math.min(req.last < 0 ? p.argc + req.last : req.last, p.argc - 1);
    for (let i = req.first; i <= last && i > 0; i += Math.max(1, req.step)) {
      const name = queueName(db, args.toString("latin1", offsets[i], offsets[i] + p.argLength[i]));
      if (!queues.includes(name)) queues.push(name);
    }
    const lengths = p.argLength.slice(0, p.argc);
    const bc: BlockedClient = {
      client, command, db, queues, args, offsets, lengths,
      timeoutReplyNull: (req.flags & 1) !== 0, data: req.data, timer: null,
      usec: 0, argv: { buf: args, argOffset: offsets, argLength: lengths, argc: p.argc },
    };
    for (const name of queues) {
      const queue = this.queues.get(name) ?? [];
      queue.push(bc);
      this.queues.set(name, queue);
    }
    if (req.timeoutMs > 0) this.arm(bc, Date.now() + req.timeoutMs, onTimeout);
    client.blocked = bc;
    if (this.count++ === 0) this.keyspace.listen(this, LISTEN_ORDER.blockedClients);
    return bc;
  }

  /** Node fires a timer longer than 2^31-1 ms at once, so a long timeout is a chain of shorter ones. */
  private arm(bc: BlockedClient, at: number, onTimeout: (bc: BlockedClient) => void): void {
    const left = at - Date.now();
    bc.timer = left > MAX_TIMER_MS
      ? setTimeout(() => this.arm(bc, at, onTimeout), MAX_TIMER_MS)
      : setTimeout(() => onTimeout(bc), Math.max(0, left));
  }

  /**
   * MODULE RELOAD: clients blocked on a command of the replaced build wait on the new build's command of
   * the same name (their block_context data goes with them, as across a restart's AOF). Returns those
   * whose command the new build no longer has, still blocked, for the caller to fail.
   */
  rebind(replaced: (bc: BlockedClient) => Command | null | undefined): BlockedClient[] {
    const orphans = new Set<BlockedClient>();
    for (const queue of this.queues.values())
      for (const bc of queue) {
        const next = replaced(bc);
        if (next === undefined) continue;
        if (next) bc.command = next;
        else orphans.add(bc);
      }
    return [...orphans];
  }

  unblock(bc: BlockedClient): void {
    if (bc.client.blocked !== bc) return;
    for (const name of bc.queues) {
      const queue = this.queues.get(name)!.filter((b) => b !== bc);
      if (queue.length) this.queues.set(name, queue);
      else this.queues.delete(name);
    }
    if (bc.timer) clearTimeout(bc.timer);
    bc.client.blocked = null;
    if (--this.count === 0) this.keyspace.unlisten(this);
  }

  /**
   * Serve clients waiting on ready keys. `run` runs a blocked client's command again and says whether
   * it replied; a served client may signal further keys (BLMOVE pushes), so this loops until quiet.
   */
  serveReady(run: (bc: BlockedClient) => boolean): void {
    while (this.ready.size) {
      const [name] = this.ready;
      this.ready.delete(name);
      for (const bc of [...(this.queues.get(name) ?? [])]) {
        if (bc.client.blocked !== bc) continue;
        if (run(bc)) this.unblock(bc);
      }
    }
  }
}
