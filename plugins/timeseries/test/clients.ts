// The clients the time series tests speak through: node-redis (its bundled @redis/time-series, as
// applications use it) in RESP2 and RESP3, and the server from the repository's test helpers.
import { createClient } from "redis";
import { afterAll, beforeAll } from "vitest";
import { useServer, type Server } from "../../../test/helpers/server.js";

export type NodeRedis = ReturnType<typeof createClient>;

export interface TsClients {
  server: Server;
  /** node-redis, RESP2. */
  readonly c: NodeRedis;
  /** node-redis, RESP3. */
  readonly c3: NodeRedis;
}

/** A Ferrite server for the file (FLUSHALL before each test) with node-redis clients on it. */
export function useTsClients(args: string[] = []): TsClients {
  const server = useServer(args, { flush: true });
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
    server,
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
