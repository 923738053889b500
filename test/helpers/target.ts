// Starts a real server for a test file: Ferrite by default, or Debian's redis-server when
// TEST_AGAINST=redis, so the same assertions double as a conformance check against the reference.
// The process handling is the SDK's test harness (sdk/testing), which plugins outside this repository use.
import { resolve } from "node:path";
import { listenArgs, spawnServer, startFerrite, type ServerProcess, type ServerProcessOptions } from "../../sdk/testing/index.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const against: "ferrite" | "redis" = process.env.TEST_AGAINST === "redis" ? "redis" : "ferrite";

export interface Target extends ServerProcess {
  kind: "ferrite" | "redis";
}

export type TargetOptions = ServerProcessOptions;

/** Start a server; `args` are redis-server-style flags (`--requirepass x`). */
export async function startTarget(args: string[] = [], kind: "ferrite" | "redis" = against, options: TargetOptions = {}): Promise<Target> {
  const server = kind === "redis"
    ? await spawnServer(["redis-server"], listenArgs, ["--save", "", "--appendonly", "no", ...args], options)
    : await startFerrite(args, options);
  return Object.assign(server, { kind });
}
