// The three subscription kinds Redis 7 has. Each names its confirmation, its message and the count its
// replies carry: channels and patterns share one count, shard channels have their own (as Redis's
// pubsubtype structs say).
export interface SubscriptionKind {
  subscribe: string;
  unsubscribe: string;
  message: string;
}

export const CHANNEL: SubscriptionKind = { subscribe: "subscribe", unsubscribe: "unsubscribe", message: "message" };
export const PATTERN: SubscriptionKind = { subscribe: "psubscribe", unsubscribe: "punsubscribe", message: "pmessage" };
export const SHARD: SubscriptionKind = { subscribe: "ssubscribe", unsubscribe: "sunsubscribe", message: "smessage" };

/** One client's subscriptions by kind, names as latin1 strings (binary safe); null on a client with none. */
export class ClientSubscriptions {
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();

  of(kind: SubscriptionKind): Set<string> {
    return kind === CHANNEL ? this.channels : kind === PATTERN ? this.patterns : this.shardChannels;
  }

  /** The number a (un)subscribe reply carries for `kind`. */
  count(kind: SubscriptionKind): number {
    return kind === SHARD ? this.shardChannels.size : this.channels.size + this.patterns.size;
  }

  get total(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }
}
