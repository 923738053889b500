// Who listens to what: channels, patterns and shard channels mapped to their subscribers, and the
// delivery of published messages into subscribers' output buffers.
//
// Delivery is batched: a message is encoded once per publish (and once per matching pattern), copied
// into each subscriber's output buffer, and each subscriber that received anything is written to its
// socket once, at the end of the publishing client's read batch (or on the next event-loop turn for a
// publish from outside any batch: a timer, active expiry). A client publishing to itself gets its
// messages after the command's own reply, as Redis 7.2 does (its pending_push_messages).
import type { CommandClient as Client } from "../command/command-table.js";
import { globMatch } from "../keyspace/glob.js";
import { ReplyWriter } from "../protocol/reply-writer.js";
import { CHANNEL, ClientSubscriptions, PATTERN, SHARD, type SubscriptionKind } from "./kinds.js";

const PUSH_TYPE = 0x3e; // '>': the RESP3 form of a message's leading '*'
// A scratch writer that grew past this for one large message is replaced, not kept.
const KEEP_AT_MOST = 1024 * 1024;

interface PatternEntry {
  bytes: Buffer;
  clients: Set<Client>;
}

export class PubSub {
  private readonly channels = new Map<string, Set<Client>>();
  private readonly shardChannels = new Map<string, Set<Client>>();
  private readonly patterns = new Map<string, PatternEntry>();
  /** Subscribers that received messages since their output was last sent. */
  private readonly touched = new Set<Client>();
  private flushQueued = false;
  /** One message, encoded in RESP2 form; RESP3 subscribers get the same bytes with '>' first. */
  private encoded = new ReplyWriter();
  /** Messages for the client whose command is running, sent after that command's reply. */
  private selfPushes = new ReplyWriter();
  private executing: Client | null = null;

  /** `send`: how a subscriber's output reaches its socket, the server's send (stats, output buffer limits). */
  constructor(private readonly send: (client: Client) => void) {}

  subscribe(client: Client, kind: SubscriptionKind, name: string): void {
    const subs = (client.pubsub ??= new ClientSubscriptions());
    const mine = subs.of(kind);
    if (!mine.has(name)) {
      mine.add(name);
      if (kind === PATTERN) {
        let entry = this.patterns.get(name);
        if (!entry) this.patterns.set(name, (entry = { bytes: Buffer.from(name, "latin1"), clients: new Set() }));
        entry.clients.add(client);
      } else {
        const table = this.tableOf(kind);
        let clients = table.get(name);
        if (!clients) table.set(name, (clients = new Set()));
        clients.add(client);
      }
    }
    const w = client.writer;
    w.push(3);
    w.bulkString(kind.subscribe);
    w.bulkLatin1(name);
    w.int(subs.count(kind));
  }

  /** Drops one subscription (if the client has it) and confirms, with the count left. */
  unsubscribe(client: Client, kind: SubscriptionKind, name: string | null): void {
    if (name !== null) this.forget(client, kind, name);
    const w = client.writer;
    w.push(3);
    w.bulkString(kind.unsubscribe);
    if (name === null) w.null();
    else w.bulkLatin1(name);
    w.int(client.pubsub?.count(kind) ?? 0);
    if (client.pubsub?.total === 0) client.pubsub = null;
  }

  /** UNSUBSCRIBE without arguments: one confirmation per subscription, or one with a null name for none. */
  unsubscribeAll(client: Client, kind: SubscriptionKind): void {
    const names = client.pubsub ? [...client.pubsub.of(kind)] : [];
    if (names.length === 0) this.unsubscribe(client, kind, null);
    for (const name of names) this.unsubscribe(client, kind, name);
  }

  /** Silently drops every subscription of a client (disconnect, RESET). */
  drop(client: Client): void {
    const subs = client.pubsub;
    if (subs) for (const kind of [CHANNEL, PATTERN, SHARD]) for (const name of subs.of(kind)) this.forget(client, kind, name);
    client.pubsub = null;
    this.touched.delete(client);
  }

  /** PUBLISH: channel subscribers, then each matching pattern's; the number of deliveries. */
  publish(channel: Buffer, message: Buffer): number {
    let receivers = 0;
    const clients = this.channels.get(channel.toString("latin1"));
    if (clients) receivers += this.deliver(clients, this.encode(CHANNEL, null, channel, message));
    for (const entry of this.patterns.values()) {
      if (!globMatch(entry.bytes, 0, entry.bytes.length, channel, 0, channel.length)) continue;
      receivers += this.deliver(entry.clients, this.encode(PATTERN, entry.bytes, channel, message));
    }
    if (this.encoded.buf.length > KEEP_AT_MOST) this.encoded = new ReplyWriter();
    return receivers;
  }

  /** SPUBLISH: shard channel subscribers only. */
  spublish(channel: Buffer, message: Buffer): number {
    const clients = this.shardChannels.get(channel.toString("latin1"));
    const receivers = clients ? this.deliver(clients, this.encode(SHARD, null, channel, message)) : 0;
    if (this.encoded.buf.length > KEEP_AT_MOST) this.encoded = new ReplyWriter();
    return receivers;
  }

  /** Active channels (with at least one subscriber) of a kind, all or those matching `pattern`. */
  activeChannels(kind: typeof CHANNEL | typeof SHARD, pattern: Buffer | null): string[] {
    const names: string[] = [];
    for (const name of this.tableOf(kind).keys()) {
      if (pattern) {
        const bytes = Buffer.from(name, "latin1");
        if (!globMatch(pattern, 0, pattern.length, bytes, 0, bytes.length)) continue;
      }
      names.push(name);
    }
    return names;
  }

  subscriberCount(kind: typeof CHANNEL | typeof SHARD, name: string): number {
    return this.tableOf(kind).get(name)?.size ?? 0;
  }

  /** Distinct channels (INFO's pubsub_channels), shard channels, patterns (PUBSUB NUMPAT). */
  get channelCount(): number {
    return this.channels.size;
  }

  get shardChannelCount(): number {
    return this.shardChannels.size;
  }

  get patternCount(): number {
    return this.patterns.size;
  }

  /**
   * A client's read batch starts: messages published to it from now on wait for its command's reply.
   * Also while a blocked client's command runs again (its reply comes first there too); returns the
   * client whose batch it was, to begin again after.
   */
  beginBatch(client: Client | null): Client | null {
    const was = this.executing;
    this.executing = client;
    return was;
  }

  /** The client whose command is running (Redis's server.current_client), null outside a client's batch. */
  get current(): Client | null {
    return this.executing;
  }

  /**
   * Bytes for one client outside its replies (a client-side caching invalidation): after the running
   * command's reply if it is that command's client, else sent with the batch, as a message is.
   * `beforeReply`: its command has not run yet (an eviction before it), so they go out first.
   */
  pushTo(c: Client, bytes: Uint8Array, beforeReply = false): void {
    (beforeReply && c === this.executing ? c.writer : this.outputOf(c)).raw(bytes);
  }

  /** After each of the batch's commands: that command's messages to its own client follow its reply. */
  afterCommand(client: Client): void {
    if (this.selfPushes.pos === 0) return;
    client.writer.raw(this.selfPushes.buf.subarray(0, this.selfPushes.pos));
    this.selfPushes.pos = 0;
    if (this.selfPushes.buf.length > KEEP_AT_MOST) this.selfPushes = new ReplyWriter();
  }

  /** The batch is over: every subscriber it published to gets its output now, in one write. */
  endBatch(): void {
    this.executing = null;
    this.flush();
  }

  private flush(): void {
    if (this.touched.size === 0) return; // Set#clear allocates, even on an empty set
    for (const c of this.touched) this.send(c);
    this.touched.clear();
  }

  private forget(client: Client, kind: SubscriptionKind, name: string): void {
    if (!client.pubsub?.of(kind).delete(name)) return;
    if (kind === PATTERN) {
      const entry = this.patterns.get(name)!;
      entry.clients.delete(client);
      if (entry.clients.size === 0) this.patterns.delete(name);
    } else {
      const table = this.tableOf(kind);
      const clients = table.get(name)!;
      clients.delete(client);
      if (clients.size === 0) table.delete(name);
    }
  }

  private tableOf(kind: SubscriptionKind): Map<string, Set<Client>> {
    return kind === SHARD ? this.shardChannels : this.channels;
  }

  /** `[p|s]message [pattern] channel message` in RESP2 form, in the scratch writer. */
  private encode(kind: SubscriptionKind, pattern: Buffer | null, channel: Buffer, message: Buffer): Uint8Array {
    const w = this.encoded;
    w.pos = 0;
    w.array(pattern ? 4 : 3);
    w.bulkString(kind.message);
    if (pattern) w.bulk(pattern, 0, pattern.length);
    w.bulk(channel, 0, channel.length);
    w.bulk(message, 0, message.length);
    return w.buf.subarray(0, w.pos);
  }

  private deliver(clients: Set<Client>, bytes: Uint8Array): number {
    for (const c of clients) {
      const w = this.outputOf(c);
      const at = w.pos;
      w.raw(bytes);
      if (c.proto === 3) w.buf[at] = PUSH_TYPE;
    }
    return clients.size;
  }

  /** Where a message for `c` goes: after the running command's reply if it is that command's client, else its output, sent with the batch. */
  private outputOf(c: Client): ReplyWriter {
    if (c === this.executing) return this.selfPushes;
    this.touch(c);
    return c.writer;
  }

  private touch(c: Client): void {
    this.touched.add(c);
    // Inside a client's batch endBatch sends; outside one (a timer, the cron) the next turn does.
    if (this.flushQueued || this.executing) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }
}
