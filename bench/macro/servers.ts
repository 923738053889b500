// Starts Ferrite and Debian's redis-server the same way (free port, loopback, throwaway dir, no
// persistence unless a phase asks for the same persistence on both) so that every figure compares like
// with like.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../root.js";
import { SERVER_NODE_FLAGS } from "../../runtime/src/node-flags.js";
import { freePort, waitForPort } from "../../sdk/testing/ports.js";

export type Kind = "redis" | "ferrite" | "floor";

const FERRITE_MAIN = join(ROOT, "dist/runtime/src/main.js");
const FLOOR_MAIN = join(ROOT, "dist/bench/macro/floor-server.js");
const START_TIMEOUT_MS = 20_000;

export interface Server {
  kind: Kind;
  port: number;
  pid: number;
  /** Resident set size in bytes, as the kernel counts it (VmRSS), for either server alike. */
  rss(): number;
  log(): string;
  stop(): Promise<void>;
}

function vmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

/** `extra`: flags given to both servers after the defaults (the AOF phase's --appendonly yes, the tiers phase's budgets). */
export async function startServer(kind: Kind, extra: string[] = []): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const base = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", ...extra];
  // Ferrite is spawned straight from node (not through a shell or npx) so its pid is the server's.
  const child = kind === "redis"
    ? spawn("redis-server", base, { stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, [...SERVER_NODE_FLAGS, kind === "floor" ? FLOOR_MAIN : FERRITE_MAIN, ...base], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => { out += d; });
  child.stderr!.on("data", (d) => { out += d; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => out, START_TIMEOUT_MS);
  } catch (e) {
    await stop();
    throw e;
  }
  return { kind, port, pid: child.pid!, rss: () => vmRss(child.pid!), log: () => out, stop };
}

export interface Pair {
  redis: Server;
  /** Null when Ferrite cannot start (not built yet, crashed): redis-server's figures are still the baseline. */
  ferrite: Server | null;
  ferriteError: string;
  /** The Node floor (floor-server.ts), for the throughput phase only. */
  floor: Server | null;
  stop(): Promise<void>;
}

export async function startPair(withFloor = false, extra: string[] = []): Promise<Pair> {
  const redis = await startServer("redis", extra);
  const floor = withFloor ? await startServer("floor") : null;
  let ferrite: Server | null = null;
  let ferriteError = "";
  try {
    ferrite = await startServer("ferrite", extra);
  } catch (e) {
    ferriteError = (e as Error).message;
  }
  return { redis, ferrite, ferriteError, floor, stop: async () => { await redis.stop(); await ferrite?.stop(); await floor?.stop(); } };
}

/** A crash log's error lines, not its stack trace. */
function errorLines(log: string): string {
  const lines = log.split("\n");
  const errors = lines.filter((l) => /error/i.test(l));
  return (errors.length ? errors : lines).slice(0, 6).join("\n");
}

/** Runs `run` on a fresh pair and stops it after; says why when Ferrite could not start. */
export async function withPair<T>(run: (pair: Pair) => Promise<T>, withFloor = false, extra: string[] = []): Promise<T> {
  const pair = await startPair(withFloor, extra);
  if (!pair.ferrite) console.error(`  Ferrite did not start, redis-server figures only:\n${errorLines(pair.ferriteError)}`);
  try {
    return await run(pair);
  } finally {
    await pair.stop();
  }
}
