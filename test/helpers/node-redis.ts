// node-redis clients for a test file's server: one speaking RESP2 and one RESP3, connected before the
// tests and closed after them, as the module plugins' tests (search, time series) use them.
import { createClient } from "redis";
import { afterAll, beforeAll } from "vitest";
import type { Server } from "./server.js";

export type NodeRedis = ReturnType<typeof createClient>;

export interface NodeRedisClients {
  /** node-redis, RESP2. */
  readonly c: NodeRedis;
  /** node-redis, RESP3. */
  readonly c3: NodeRedis;
}

export function useNodeRedis(server: Server): NodeRedisClients {
  let c: NodeRedis | undefined;
  let c3: NodeRedis | undefined;
  beforeAll(async () => {
    c = createClient({ socket: { port: server.port } });
    c3 = createClient({ socket: { port: server.port }, RESP: 3 });
    await c.connect();
    await c3.connect();
  });
  afterAll(async () => {
    await c?.quit();
    await c3?.quit();
  });
  return {
    get c() {
      if (!c) throw new Error("not connected");
      return c;
    },
    get c3() {
      if (!c3) throw new Error("not connected");
      return c3;
    },
  };
}
