// One server per test file (Ferrite, or redis-server with TEST_AGAINST=redis) and ioredis clients on it.
// Tests use their own key names instead of FLUSHDB so they depend on nothing outside this plugin.
import { afterAll, beforeAll } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../../../test/helpers/target.js";

export interface Server {
  /** Client on database 0. */
  readonly r: Redis;
  /** A new client on `db`, closed with the server. */
  client(db: number): Redis;
}

export function useServer(): Server {
  let target: Target;
  const clients: Redis[] = [];
  const connect = (db: number) => {
    const c = new Redis({ port: target.port, host: "127.0.0.1", db, maxRetriesPerRequest: 0, lazyConnect: false });
    clients.push(c);
    return c;
  };
  const server = {
    r: undefined as unknown as Redis,
    client: connect,
  };
  beforeAll(async () => {
    target = await startTarget();
    server.r = connect(0);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    await target?.stop();
  });
  return server;
}

/** The error message a command fails with; throws if it succeeds. */
export async function errorOf(reply: Promise<unknown>): Promise<string> {
  try {
    const value = await reply;
    throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  } catch (e) {
    if ((e as Error).name !== "ReplyError") throw e;
    return (e as Error).message;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
