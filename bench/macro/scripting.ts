// Issue 14's scripting figures: EVALSHA of a script doing one redis.call('GET'), at -P 1 and -P 16, and
// FCALL of the same as a function, against redis-server running the same; then a pure-Lua loop of
// 10 million iterations, timed once per round on each server. What busy scripts (ADR 0038) add per
// script run is measured here: a Lua count hook set and cleared, and two checks in the dispatcher.
import { compareCases, type Case, type Compared } from "./compare.js";
import { commandOnce } from "./resp.js";
import type { Pair } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";
import { median, requestsAt } from "./throughput.js";

export const GET_SCRIPT = "return redis.call('GET', KEYS[1])";
export const LIBRARY = "#!lua name=benchlib\nredis.register_function('benchget', function(keys) return redis.call('GET', keys[1]) end)";
const LOOP = "local i = 0 while i < 10000000 do i = i + 1 end return i";
const KEYS = ["-r", "100000"];
/** The goals: EVALSHA at ≥ 0.7 of redis-server at -P 1, ≥ 0.5 at -P 16; the loop at ≥ 0.5 of its speed. */
const GOALS: Record<string, number> = { "EVALSHA GET -P 1": 0.7, "EVALSHA GET -P 16": 0.5 };
const LOOP_GOAL = 0.5;

export interface ScriptingResult {
  throughput: Compared[];
  loop: { redisMs: number | null; ferriteMs: number | null; speedRatio: number | null };
}

async function timedMs(port: number, ...args: string[]): Promise<number> {
  const start = performance.now();
  await commandOnce(port, ...args);
  return performance.now() - start;
}

export async function runScripting(pair: Pair, requests: number, rounds: number): Promise<{ result: ScriptingResult; goals: Goal[] }> {
  let sha = "";
  for (const server of [pair.redis, pair.ferrite]) {
    if (!server) continue;
    sha = await commandOnce(server.port, "SCRIPT", "LOAD", GET_SCRIPT);
    await commandOnce(server.port, "FUNCTION", "LOAD", "REPLACE", LIBRARY);
  }
  const evalsha = [...KEYS, "evalsha", sha, "1", "key:__rand_int__"];
  const fcall = [...KEYS, "fcall", "benchget", "1", "key:__rand_int__"];
  const cases: Case[] = [
    { name: "EVALSHA GET -P 1", pipeline: 1, ferrite: evalsha, redis: evalsha },
    { name: "EVALSHA GET -P 16", pipeline: 16, ferrite: evalsha, redis: evalsha },
    { name: "FCALL GET -P 1", pipeline: 1, ferrite: fcall, redis: fcall },
    { name: "FCALL GET -P 16", pipeline: 16, ferrite: fcall, redis: fcall },
  ];
  const throughput = await compareCases(pair, cases, (c) => requestsAt(requests, c.pipeline), rounds);
  printTable(["test (-c 50)", "redis ops/s", "ferrite ops/s", "ratio"], throughput.map((r) => [r.test, fmt(r.redis), fmt(r.ferrite), fmt(r.ratio, 2)]));

  const ms: Record<"redis" | "ferrite", number[]> = { redis: [], ferrite: [] };
  for (let round = 0; round < rounds; round++)
    for (const kind of ["redis", "ferrite"] as const) {
      const server = pair[kind];
      if (server) ms[kind].push(await timedMs(server.port, "EVAL", LOOP, "0"));
    }
  const redisMs = median(ms.redis);
  const ferriteMs = median(ms.ferrite);
  const loop = { redisMs, ferriteMs, speedRatio: redisMs !== null && ferriteMs !== null ? redisMs / ferriteMs : null };
  printTable(["10 M iteration loop (median)", "redis ms", "ferrite ms", "speed ratio"], [["EVAL", fmt(redisMs), fmt(ferriteMs), fmt(loop.speedRatio, 2)]]);

  const goals: Goal[] = [
    ...throughput.filter((r) => GOALS[r.test] !== undefined).map((r) => ({
      what: `${r.test}: ratio ≥ ${GOALS[r.test]} (measured ${fmt(r.ratio, 2)})`,
      met: r.ratio === null ? null : r.ratio >= GOALS[r.test],
    })),
    { what: `10 M iteration Lua loop: ≥ ${LOOP_GOAL} of redis-server's speed (measured ${fmt(loop.speedRatio, 2)})`, met: loop.speedRatio === null ? null : loop.speedRatio >= LOOP_GOAL },
  ];
  printGoals(goals);
  return { result: { throughput, loop }, goals };
}
