// One server per test file (Ferrite, or redis-server with TEST_AGAINST=redis) and the ioredis clients
// on it: useServer() registers the vitest hooks that start the server before the file's tests and
// stop it, clients included, after them.
import type { Redis, RedisOptions } from "ioredis";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { connectClient, TEST_SERVER_FLAGS } from "../../sdk/testing/index.js";
import { against, startTarget, type Target, type TargetOptions } from "./target.js";

export interface ServerOptions extends TargetOptions {
  /** Which server to start; by default the one TEST_AGAINST names. */
  kind?: "ferrite" | "redis";
  /** Options for every client (the default one included), over host, port and maxRetriesPerRequest 0. */
  client?: RedisOptions;
  /** FLUSHALL before each test. */
  flush?: boolean;
}

export interface Server {
  /** The running server (from beforeAll on). */
  readonly target: Target;
  readonly port: number;
  /** The default client, connected on first use. */
  readonly r: Redis;
  /** A new client (on `options.db`, say), closed with the server. */
  client(options?: RedisOptions): Redis;
}

/** Starts a server with `args` (redis-server-style flags) for the calling test file. */
export function useServer(args: string[] = [], options: ServerOptions = {}): Server {
  const { kind, client: clientOptions, flush, ...targetOptions } = options;
  let target: Target | undefined;
  // Known from the spawn on, so that a server still starting when beforeAll times out is stopped too.
  let stop: (() => Promise<void>) | undefined;
  let main: Redis | undefined;
  const clients: Redis[] = [];
  const started = (): Target => {
    if (!target) throw new Error("useServer: the server is not running (use it inside tests or hooks)");
    return target;
  };
  const server: Server = {
    get target() {
      return started();
    },
    get port() {
      return started().port;
    },
    get r() {
      return (main ??= server.client());
    },
    client(extra = {}) {
      const c = connectClient(started().port, { ...clientOptions, ...extra });
      clients.push(c);
      return c;
    },
  };
  beforeAll(async () => {
    // Ferrite gets the SDK harness's flags (plugin-debug-write-intent) first, so a test's own may override them.
    const track = (s: () => Promise<void>) => (stop = s);
    target = await startTarget((kind ?? against) === "ferrite" ? [...TEST_SERVER_FLAGS, ...args] : args, kind, { ...targetOptions, track });
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await stop?.();
  });
  if (flush) beforeEach(async () => {
    await server.r.flushall();
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

/**
 * Polls `probe` until it answers `want` (compared as JSON) or `ms` passed, and returns its last answer,
 * for a test to assert on. For what the server does in its own time (a closed client's clean-up, a
 * once-a-second sample, a message on another connection): a fixed sleep before asserting fails whenever
 * a loaded machine runs the server later than the sleep assumed.
 */
export async function eventually<T>(probe: () => Promise<T>, want: T, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let got = await probe();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline) {
    await sleep(10);
    got = await probe();
  }
  return got;
}
