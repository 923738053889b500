// The clients the time series tests speak through: node-redis (its bundled @redis/time-series, as
// applications use it) in RESP2 and RESP3, and the server from the repository's test helpers.
import { createClient } from "redis";
import { afterAll, beforeAll } from "vitest";
import { useServer, type Server } from "../../../test/helpers/server.js";

export type NodeRedis = ReturnType<typeof createClient>;

/** TS.INFO as node-redis parses it in RESP2 (its declared type is RESP3's, which it marks unstable). */
export interface TsInfo {
  totalSamples: number;
  memoryUsage: number;
  firstTimestamp: number;
  lastTimestamp: number;
  retentionTime: number;
  chunkCount: number;
  chunkSize: number;
  chunkType: string;
  duplicatePolicy: string | null;
  labels: { name: string; value: string }[];
  sourceKey: string | null;
  rules: { key: string; timeBucket: number; aggregationType: string }[];
  ignoreMaxTimeDiff: number;
  ignoreMaxValDiff: number;
}

export interface TsClients {
  server: Server;
  /** node-redis, RESP2. */
  readonly c: NodeRedis;
  /** node-redis, RESP3. */
  readonly c3: NodeRedis;
  /** TS.INFO through node-redis (RESP2). */
  info(key: string): Promise<TsInfo>;
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
    async info(key) {
      if (!c) throw new Error("not connected");
      return (await c.ts.info(key)) as unknown as TsInfo;
    },
  };
}
