// Runs units of Redis's own test suite (Debian's redis 7.0.15 source package, fetched into
// build/redis-src/ by fetch-redis-src.sh) in external mode against a fresh server per unit, and counts
// what passed. Used by `make compat` (run.ts) and by the CI test that keeps the green units green.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startServer, type Kind } from "../../bench/macro/servers.js";
import { ROOT } from "../../bench/root.js";
import { freePort } from "../../sdk/testing/ports.js";
import { differenceArgs } from "./differences-7.2.js";

export const SUITE_DIR = join(ROOT, "build/redis-src/redis");

/**
 * Tags whose tests cannot run against an external server without DEBUG, replication, PFDEBUG, SAVE or
 * maxmemory (issue 13). Tests that need a local redis-server binary carry `external:skip`, which the
 * suite skips by itself in external mode.
 */
export const DENIED_TAGS = ["needs:debug", "needs:repl", "needs:pfdebug", "needs:save", "needs:config-maxmemory"];

/**
 * Units left out of the run: scripting and functions (their own issue), cluster mode (a cluster-enabled
 * server), the version banner (no tests). Every `integration/` unit starts local servers or runs the
 * local redis-cli/redis-benchmark binaries, so only `unit/` runs.
 */
const LEFT_OUT = [/^unit\/(scripting|functions|cluster-scripting|printver)$/, /^unit\/cluster(\/|$)/];

export interface Failure {
  name: string;
  /** The first line of the suite's explanation (an assertion's expected/actual, an error reply). */
  reason: string;
}

export interface UnitResult {
  unit: string;
  passed: string[];
  failed: Failure[];
  /** Tests skipped as 7.2 differences (differences-7.2.ts): neither passed nor failed. */
  skipped: string[];
  /** Why the unit stopped before its end (an exception, a timeout, the server gone); "" if it ran through. */
  aborted: string;
  seconds: number;
}

/** The suite's units this run covers, in the suite's own order. */
export async function suiteUnits(): Promise<string[]> {
  const { stdout } = await runtest(["--list-tests"], 30_000);
  return stdout.split("\n").map((l) => l.trim())
    .filter((u) => u.startsWith("unit/") && !LEFT_OUT.some((re) => re.test(u)));
}

/** Runs one unit against a fresh server of `kind`; never throws for what the unit does. */
export async function runUnit(unit: string, kind: Kind = "ferrite", timeoutMs = 600_000): Promise<UnitResult> {
  const started = Date.now();
  const server = await startServer(kind);
  try {
    // The driver listens for its test clients on the first free port from `baseport - 32`; its check
    // misses a port another run bound on 127.0.0.1 only, so concurrent runs each start from a port of their own.
    const baseport = (await freePort()) + 32;
    const args = ["--host", "127.0.0.1", "--port", String(server.port), "--baseport", String(baseport), "--single", unit, "--clients", "1",
      "--durable", "--timeout", String(Math.ceil(timeoutMs / 1000)), "--tags", DENIED_TAGS.map((t) => `-${t}`).join(" "), ...differenceArgs(unit)];
    const { stdout, timedOut } = await runtest(args, timeoutMs + 30_000);
    const result = parseOutput(unit, stdout);
    if (timedOut) result.aborted ||= `killed after ${timeoutMs / 1000} s`;
    if (!(await alive(server))) result.aborted = `server exited: ${server.log().split("\n").filter(Boolean).slice(-3).join(" | ")}`;
    result.seconds = Math.round((Date.now() - started) / 1000);
    return result;
  } finally {
    await server.stop();
  }
}

async function alive(server: { pid: number }): Promise<boolean> {
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The suite's report lines: `[ok]: name (3 ms)`, `[err]: name in tests/unit/x.tcl`, `[exception]: ...`,
// `[TIMEOUT]: ...`, `[skip]: name` (a --skiptest; coloured on a terminal); at its end, "The End" and each failure again with its reason
// on the lines after `*** [err]: name in tests/unit/x.tcl`.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the suite colours its output with ANSI escapes, ESC included
const ANSI = /\x1b\[[0-9;]*m/g;

export function parseOutput(unit: string, stdout: string): UnitResult {
  const result: UnitResult = { unit, passed: [], failed: [], skipped: [], aborted: "", seconds: 0 };
  const lines = stdout.replace(ANSI, "").split("\n");
  const reasons = new Map<string, string>();
  for (const [i, line] of lines.entries()) {
    const summary = /^\*\*\* \[err\]: (.*) in tests\/\S+$/.exec(line);
    if (summary) reasons.set(summary[1], lines[i + 1]?.trim().slice(0, 200) ?? "");
    const m = /^\[(ok|err|skip|exception|TIMEOUT)\]: (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === "skip") result.skipped.push(m[2]);
    else if (m[1] === "ok") result.passed.push(m[2].replace(/ \(\d+ ms\)$/, ""));
    else if (m[1] === "err") result.failed.push({ name: m[2].replace(/ in tests\/\S+$/, ""), reason: "" });
    else if (m[1] === "TIMEOUT") result.aborted = "the suite's timeout (no progress)";
    else result.aborted = `exception: ${m[2]} ${lines.slice(i + 1, i + 3).join(" ").trim()}`.slice(0, 300);
  }
  for (const f of result.failed) f.reason = reasons.get(f.name) ?? "";
  if (!result.aborted && !lines.some((l) => l.trim() === "The End")) result.aborted = "ended without its report";
  return result;
}

/** Runs the suite's driver in its own process group, killed whole after `timeoutMs`. */
function runtest(args: string[], timeoutMs: number): Promise<{ stdout: string; timedOut: boolean }> {
  if (!existsSync(join(SUITE_DIR, "runtest"))) throw new Error(`no Redis test suite in ${SUITE_DIR}: run test/compat/fetch-redis-src.sh (make compat does)`);
  return new Promise((done) => {
    const child = spawn("tclsh8.6", ["tests/test_helper.tcl", ...args], { cwd: SUITE_DIR, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let timedOut = false;
    child.stdout!.on("data", (d) => { stdout += d; });
    child.stderr!.on("data", (d) => { stdout += d; });
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, "SIGKILL");
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // The driver starts its test client as a second process in the same group: end it too.
      try { process.kill(-child.pid!, "SIGKILL"); } catch { /* already gone */ }
      done({ stdout, timedOut });
    });
  });
}
