// A command that holds the server well over SLOW_COMMAND_MS on either server: a long Lua loop on
// redis-server; on Ferrite the hostile fixture's runaway loop, stopped by a 150 ms CPU budget. Either
// way the event loop is busy for the whole time (nothing else runs meanwhile).
import { join } from "node:path";
import type { Redis } from "ioredis";
import { expect } from "vitest";
import { against, ROOT } from "./target.js";

export const SLOW_COMMAND_MS = 100;

/** The server flags slowCommand needs (loading the hostile fixture on Ferrite). */
export const SLOW_COMMAND_ARGS =
  against === "redis" ? [] : ["--loadmodule", join(ROOT, "build/fixtures/hostile.wasm"), "--plugin-call-budget-ms", "150"];

/** The slow command's name as SLOWLOG and MONITOR show it. */
export const SLOW_COMMAND_NAME = against === "redis" ? "eval" : "hostile.spin";

export async function slowCommand(r: Redis): Promise<void> {
  if (against === "redis") await r.call("eval", "local i=0 while i<20000000 do i=i+1 end", "0");
  else await expect(r.call("hostile.spin")).rejects.toThrow("exceeded its CPU budget");
}
