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

/** The CSV row's requests per second, or an error text (the server refused, hung, or crashed). */
export function runBenchmark(o: RunOptions): Promise<number | string> {
  const args = ["-h", "127.0.0.1", "-p", String(o.port), "-n", String(o.requests), "-c", String(CLIENTS), "-P", String(o.pipeline), "--csv", ...o.args];
  return new Promise((ok) => {
    const child = spawn("redis-benchmark", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // One test makes one data row, "SET","81234.57",... (or "zrange k 0 9",...), under a "test","rps" header.
      const row = out.split("\n").find((l) => l.startsWith('"') && !l.startsWith('"test"'));
      // Counted from the end: an arbitrary command's own text may hold commas (a JSON document).
      const cells = row?.split(",") ?? [];
      const rps = cells.length >= 8 ? Number(cells[cells.length - 7].replaceAll('"', "")) : NaN;
      if (code === 0 && Number.isFinite(rps)) ok(rps);
      else ok(signal === "SIGKILL" ? `timed out after ${o.timeoutMs} ms` : `exit ${code ?? signal}: ${out.trim().slice(-300)}`);
    });
  });
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
