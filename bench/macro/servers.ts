// Starts Ferrite and Debian's redis-server the same way (free port, loopback, throwaway dir, no
// persistence) so that every figure compares like with like.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../root.js";

export type Kind = "redis" | "ferrite";

const FERRITE_MAIN = join(ROOT, "dist/runtime/src/main.js");
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

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((ok) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => { s.destroy(); ok(true); });
      s.once("error", () => ok(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`server did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function vmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

export async function startServer(kind: Kind): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const base = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir];
  // Ferrite is spawned straight from node (not through a shell or npx) so its pid is the server's.
  const child = kind === "redis"
    ? spawn("redis-server", [...base, "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, [FERRITE_MAIN, ...base], { stdio: ["ignore", "pipe", "pipe"] });
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
    await waitForPort(port, child, () => out);
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
  stop(): Promise<void>;
}

export async function startPair(): Promise<Pair> {
  const redis = await startServer("redis");
  let ferrite: Server | null = null;
  let ferriteError = "";
  try {
    ferrite = await startServer("ferrite");
  } catch (e) {
    ferriteError = (e as Error).message;
  }
  return { redis, ferrite, ferriteError, stop: async () => { await redis.stop(); await ferrite?.stop(); } };
}
