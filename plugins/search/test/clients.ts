// What the search tests share: waiting for an index's walk over existing keys to finish (FT.INFO's
// `indexing`, as RediSearch's own clients wait), and the ids a search returns.
import type { Redis } from "ioredis";

export async function waitIndexed(r: Redis, index: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const info = (await r.call("FT.INFO", index)) as unknown[];
    if (info[info.indexOf("indexing") + 1] === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`index ${index} still indexing`);
}

/** The keys FT.SEARCH … NOCONTENT returns, sorted. */
export async function searchIds(r: Redis, index: string, query: string, ...args: string[]): Promise<string[]> {
  const reply = (await r.call("FT.SEARCH", index, query, "NOCONTENT", "LIMIT", "0", "10000", ...args)) as unknown[];
  return (reply.slice(1) as string[]).sort();
}
