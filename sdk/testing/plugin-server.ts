// Testing a plugin through real clients: build it, start Ferrite on a free port with it loaded, connect,
// and clean everything up. Framework-neutral: call it from your test runner's before/after hooks (the
// template's test does, with vitest).
import { Redis, type RedisOptions } from "ioredis";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPluginToFile } from "../build/build-plugin.js";
import { connectResp3, type Resp3Client } from "./resp3-client.js";
import { startFerrite, type ServerProcess, type ServerProcessOptions } from "./server-process.js";

/**
 * The flags every test server gets first (a test's own flags may turn them off): with
 * plugin-debug-write-intent, a command that changes a value it opened without write intent fails loudly
 * instead of losing the change to persistence, replication and WATCH in production.
 */
export const TEST_SERVER_FLAGS = ["--plugin-debug-write-intent", "yes"];

/** A client of a test server: no retries, so a refused command fails the test instead of hanging it. */
export function connectClient(port: number, options: RedisOptions = {}): Redis {
  return new Redis({ host: "127.0.0.1", port, maxRetriesPerRequest: 0, ...options });
}

export interface PluginServer {
  readonly server: ServerProcess;
  readonly port: number;
  /** The plugin's wasm file, as built for this server. */
  readonly wasm: string;
  /** The default client, connected on first use. */
  readonly r: Redis;
  /** A new client, closed by stop(). */
  client(options?: RedisOptions): Redis;
  /** A new node-redis client speaking RESP3, closed by stop(). */
  resp3(): Promise<Resp3Client>;
  /** Closes the clients, stops the server, removes the build. */
  stop(): Promise<void>;
}

export interface PluginServerOptions extends ServerProcessOptions {
  /** More server flags, after TEST_SERVER_FLAGS and the plugin's --loadmodule. */
  args?: string[];
}

/** Builds the plugin in `pluginDir` (its plugin.json folder) and starts Ferrite with it loaded. */
export async function startPluginServer(pluginDir: string, options: PluginServerOptions = {}): Promise<PluginServer> {
  const { args = [], ...serverOptions } = options;
  const buildDir = mkdtempSync(join(tmpdir(), "plugin-build-"));
  const wasm = join(buildDir, "plugin.wasm");
  let server: ServerProcess;
  try {
    await buildPluginToFile(pluginDir, wasm);
    server = await startFerrite([...TEST_SERVER_FLAGS, "--loadmodule", wasm, ...args], serverOptions);
  } catch (e) {
    rmSync(buildDir, { recursive: true, force: true });
    throw e;
  }
  const clients: Redis[] = [];
  const resp3Clients: Resp3Client[] = [];
  let main: Redis | undefined;
  const handle: PluginServer = {
    server, wasm, port: server.port,
    get r() {
      return (main ??= handle.client());
    },
    client(extra = {}) {
      const c = connectClient(server.port, extra);
      clients.push(c);
      return c;
    },
    async resp3() {
      const c = await connectResp3(server.port);
      resp3Clients.push(c);
      return c;
    },
    async stop() {
      // splice: a second stop (a test's own, then afterAll's) finds nothing left to close.
      for (const c of clients.splice(0)) c.disconnect();
      for (const c of resp3Clients.splice(0)) c.destroy();
      await server.stop();
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
  return handle;
}
