// Restart tests: a Ferrite server on a data dir that outlives it, started again (after SHUTDOWN, or
// after kill -9) on the same dir. The dir is removed after the test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach } from "vitest";
import { startTarget, ROOT, type Target } from "./target.js";

export const COUNTER_WASM = join(ROOT, "build/fixtures/counter.wasm");

export interface Restarts {
  /** A new data dir for this test. */
  newDir(): string;
  /** Start Ferrite on `dir` with `args`; it and its clients are killed after the test. */
  start(dir: string, args?: string[]): Promise<{ target: Target; r: Redis; client(): Redis }>;
  /** kill -9 every server started so far and wait for them to be gone. */
  killAll(): Promise<void>;
}

export function useRestarts(): Restarts {
  const dirs: string[] = [];
  // Each server's stop, known from its spawn on: one still starting when a test times out is killed too.
  const stops: (() => Promise<void>)[] = [];
  const clients: Redis[] = [];
  const killAll = async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const stop of stops.splice(0)) await stop();
  };
  afterEach(killAll);
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    newDir() {
      const d = mkdtempSync(join(tmpdir(), "ferrite-persist-"));
      dirs.push(d);
      return d;
    },
    async start(dir, args = []) {
      const target = await startTarget(args, "ferrite", { dir, track: (stop) => stops.push(stop) });
      const client = () => {
        const c = new Redis({ host: "127.0.0.1", port: target.port, maxRetriesPerRequest: 0 });
        clients.push(c);
        return c;
      };
      return { target, r: client(), client };
    },
    killAll,
  };
}

/** The error a server that refuses to start exits with (its log is in the message). */
export async function startFailure(restarts: Restarts, dir: string, args: string[] = []): Promise<string> {
  try {
    await restarts.start(dir, args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the server started");
}
