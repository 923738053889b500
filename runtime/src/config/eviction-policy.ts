// The `maxmemory-policy` values and what each means to the evictor: which keys it may pick (all, or only
// those with a TTL) and how it ranks them.

export type EvictionRank = "lru" | "lfu" | "ttl" | "random" | "none";

export interface EvictionPolicy {
  name: string;
  /** Only keys with a TTL may be evicted (volatile-*). */
  volatileOnly: boolean;
  rank: EvictionRank;
}

/** In Redis's CONFIG SET error order. */
export const POLICY_NAMES = [
  "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction",
];

export function evictionPolicy(name: string): EvictionPolicy {
  if (name === "noeviction") return { name, volatileOnly: false, rank: "none" };
  const [scope, rank] = name.split("-") as [string, EvictionRank];
  return { name, volatileOnly: scope === "volatile", rank };
}
