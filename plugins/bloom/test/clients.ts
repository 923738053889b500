// node-redis clients (with @redis/bloom, as `redis` bundles it) on the test server, in RESP2 or RESP3,
// destroyed after each test.
import { afterEach } from "vitest";
import { createClient } from "redis";
import type { Server } from "../../../test/helpers/server.js";

export type NodeRedis = ReturnType<typeof createClient>;

export function useNodeRedis(server: Server): (resp: 2 | 3) => Promise<NodeRedis> {
  const clients: NodeRedis[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  return async (resp) => {
    const c = createClient({ socket: { port: server.port }, RESP: resp });
    clients.push(c);
    await c.connect();
    return c;
  };
}
