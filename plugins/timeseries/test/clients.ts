// The clients the time series tests speak through: node-redis (its bundled @redis/time-series, as
// applications use it) in RESP2 and RESP3, and the server from the repository's test helpers.
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer, type Server } from "../../../test/helpers/server.js";

export type { NodeRedis };

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
  const clients = useNodeRedis(server);
  return {
    server,
    get c() {
      return clients.c;
    },
    get c3() {
      return clients.c3;
    },
    async info(key) {
      return (await clients.c.ts.info(key)) as unknown as TsInfo;
    },
  };
}
