// A server process for a test: started on a free loopback port in a temporary `dir`, its output kept for
// assertions, killed (and its temporary dir removed) on stop. Ferrite's own, or any redis-server-style
// program given its path.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SERVER_NODE_FLAGS } from "../../runtime/src/node-flags.js";
import { freePort, waitForPort } from "./ports.js";

export interface ServerProcess {
  port: number;
  dir: string;
  log(): string;
  /** Resolves once the server's output matches: its log arrives on a pipe, after replies sent over TCP. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the server process ends (SHUTDOWN, a fatal error). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** A config file, passed first on the command line as redis-server requires. */
  configFile?: string;
  /** The server's `dir`, kept when it stops (restart tests); by default a new temp dir, removed on stop. */
  dir?: string;
  /**
   * Told the server's `stop` as soon as the process exists, before it listens: a test that times out
   * while the server is still starting can then kill it from its after-hooks. Otherwise the start goes
   * on past the test and leaves a server running (issue 13).
   */
  track?: (stop: () => Promise<void>) => void;
}

/**
 * The Ferrite package this file belongs to: found upwards, so that it is the same folder whether the
 * harness runs from its TypeScript source (vitest) or compiled under dist/.
 */
function ferriteRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "ferrite") return dir;
    if (dirname(dir) === dir) throw new Error(`no ferrite package.json above ${import.meta.dirname}`);
  }
}

/** The built server's entry point (`make build` / `npx tsc` writes it). */
export const FERRITE_MAIN = join(ferriteRoot(), "dist/runtime/src/main.js");

/**
 * Starts `command` with `args(port, dir)` then `extra`, and resolves once it listens. `command` is a
 * program, or [program, ...its own leading arguments].
 */
export async function spawnServer(
  command: string[], args: (port: number, dir: string) => string[], extra: string[] = [], options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "server-test-"));
  const file = options.configFile ? [options.configFile] : [];
  const [program, ...lead] = command;
  const child = spawn(program!, [...lead, ...file, ...args(port, dir), ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => { out += d; });
  child.stderr!.on("data", (d) => { out += d; });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  };
  options.track?.(stop);
  try {
    await waitForPort(port, child, () => out);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port, dir,
    log: () => out,
    async waitForLog(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`log never matched ${pattern}:\n${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exited,
    stop,
  };
}

/** Where every test server listens: a free loopback port, and `dir` for its files. */
export const listenArgs = (port: number, dir: string) => ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir];

/** Starts Ferrite (built) with `args`: redis-server-style flags such as `--loadmodule x.wasm`. */
export function startFerrite(args: string[] = [], options: ServerProcessOptions = {}): Promise<ServerProcess> {
  return spawnServer([process.execPath, ...SERVER_NODE_FLAGS, FERRITE_MAIN], listenArgs, args, options);
}
