// Driving Debian's redis-benchmark: one measured run parsed from --csv, or an open-ended background
// load stopped by signal.
import { spawn } from "node:child_process";

const CLIENTS = 50;

export interface RunOptions {
  port: number;
  /** What to run: `-t <test>` and its options, or an arbitrary command line (which must come last). */
  args: string[];
  pipeline: number;
  requests: number;
  /** A run that takes longer than this is reported as failed (a server that stopped answering). */
  timeoutMs: number;
}

/** One CSV row of redis-benchmark: a test's rate and its latency figures in milliseconds. */
export interface BenchmarkRow {
  test: string;
  rps: number;
  avgMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Every CSV row of the run (one per test), or an error text (the server refused, hung, or crashed). */
export function runBenchmarkRows(o: RunOptions): Promise<BenchmarkRow[] | string> {
  const args = ["-h", "127.0.0.1", "-p", String(o.port), "-n", String(o.requests), "-c", String(CLIENTS), "-P", String(o.pipeline), "--csv", "--precision", "3", ...o.args];
  return new Promise((ok) => {
    const child = spawn("redis-benchmark", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // A test makes one data row, "SET","81234.57","0.301",... (or "zrange k 0 9",...), under a "test","rps",
      // "avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms" header.
      const rows = out.split("\n").filter((l) => l.startsWith('"') && !l.startsWith('"test"')).map(parseRow);
      if (code === 0 && rows.length > 0 && rows.every((r) => Number.isFinite(r.rps))) ok(rows);
      else ok(signal === "SIGKILL" ? `timed out after ${o.timeoutMs} ms` : `exit ${code ?? signal}: ${out.trim().slice(-300)}`);
    });
  });
}

function parseRow(line: string): BenchmarkRow {
  // Counted from the end: an arbitrary command's own text may hold commas (a JSON document).
  const cells = line.split(",").map((c) => c.replaceAll('"', ""));
  const at = (fromEnd: number) => (cells.length >= 8 ? Number(cells[cells.length - fromEnd]) : NaN);
  return { test: cells.slice(0, cells.length - 7).join(","), rps: at(7), avgMs: at(6), p50Ms: at(4), p99Ms: at(2), maxMs: at(1) };
}

/** The run's requests per second (its one test's), or an error text. */
export async function runBenchmark(o: RunOptions): Promise<number | string> {
  const rows = await runBenchmarkRows(o);
  return typeof rows === "string" ? rows : rows[0].rps;
}

export interface BackgroundLoad {
  stop(): Promise<void>;
}

/** redis-benchmark with effectively unbounded -n, running until stop(). */
export function startLoad(port: number, extraArgs: string[]): BackgroundLoad {
  const args = ["-h", "127.0.0.1", "-p", String(port), "-n", "2000000000", "-q", ...extraArgs];
  const child = spawn("redis-benchmark", args, { stdio: "ignore" });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
