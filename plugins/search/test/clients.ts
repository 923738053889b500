// What the search tests share: waiting for an index's walk over existing keys to finish (FT.INFO's
// `indexing`, as RediSearch's own clients wait), the ids a search returns, and a node-redis client.
import type { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Server } from "../../../test/helpers/server.js";

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

export type NodeRedis = ReturnType<typeof createClient>;

/**
 * A node-redis client on the file's server: connected before the file's tests, closed after them and,
 * with `fresh`, every test starting on an empty server without indexes. The client is made in
 * beforeAll (the server's port is known only then); the returned stand-in forwards to it.
 */
export function useNodeRedis(server: Server, fresh = true): NodeRedis {
  let client: NodeRedis | undefined;
  const live = (): NodeRedis => {
    if (!client) throw new Error("useNodeRedis: the client is connected in beforeAll");
    return client;
  };
  beforeAll(async () => {
    client = createClient({ socket: { port: server.port } });
    await client.connect();
  });
  afterAll(async () => {
    await client?.quit();
  });
  if (fresh) {
    beforeEach(async () => {
      await live().flushAll();
      for (const name of await live().ft._list()) await live().ft.dropIndex(name);
    });
  }
  return new Proxy({} as NodeRedis, {
    get(_, prop) {
      const value = Reflect.get(live(), prop);
      return typeof value === "function" ? value.bind(live()) : value;
    },
  });
}
