// redis-cli as a third client: the real binary, run to completion against a test server.
import { spawnSync } from "node:child_process";

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs `redis-cli -p <port> ...args`; `--no-raw` keeps the formatted (tty-style) output in a pipe. */
export function redisCli(port: number, ...args: string[]): CliResult {
  const run = spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8", timeout: 10_000 });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}
