// Starts a real server for a test file: Ferrite by default, or Debian's redis-server when
// TEST_AGAINST=redis, so the same assertions double as a conformance check against the reference.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SERVER_NODE_FLAGS } from "../../runtime/src/node-flags.js";
import { freePort, waitForPort } from "./ports.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const against: "ferrite" | "redis" = process.env.TEST_AGAINST === "redis" ? "redis" : "ferrite";

export interface Target {
  kind: "ferrite" | "redis";
  port: number;
  dir: string;
  log(): string;
  /** Resolves once the server's output matches: its log arrives on a pipe, after replies sent over TCP. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the server process ends (SHUTDOWN, a fatal error). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface TargetOptions {
  /** A config file, passed first on the command line as redis-server requires. */
  configFile?: string;
  /** The server's `dir`, kept when it stops (restart tests); by default a new temp dir, removed on stop. */
  dir?: string;
}

/** Start a server; `args` are redis-server-style flags (`--requirepass x`). */
export async function startTarget(args: string[] = [], kind: "ferrite" | "redis" = against, options: TargetOptions = {}): Promise<Target> {
  const port = await freePort();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `${kind}-test-`));
  const file = options.configFile ? [options.configFile] : [];
  const base = [...file, "--port", String(port), "--bind", "127.0.0.1", "--dir", dir];
  const child = kind === "redis"
    ? spawn("redis-server", [...base, "--save", "", "--appendonly", "no", ...args], { stdio: ["ignore", "pipe", "pipe"] })
    : spawn(process.execPath, [...SERVER_NODE_FLAGS, join(ROOT, "dist/runtime/src/main.js"), ...base, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => { out += d; });
  child.stderr!.on("data", (d) => { out += d; });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await waitForPort(port, child, () => out);
  return {
    kind, port, dir,
    log: () => out,
    async waitForLog(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`log never matched ${pattern}:\n${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exited,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
