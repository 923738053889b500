// Issue 20's Bloom figures: BF.ADD and BF.EXISTS at -P 16 against redis-server's SADD and SISMEMBER (the
// nearest exact-membership commands it has), each pair back to back in alternating order over several
// rounds; and the memory of a 1-million-capacity, 1 % filter against the theoretical bit count
// n·ln(1/p)/ln²2, both for RedisBloom's default (scaling: its first sub-filter is tightened to p/2, so it
// is judged against p/2's bits, with the ratio to p's printed beside) and for a NONSCALING filter (p).
import { compareCases, type Case, type Compared } from "./compare.js";
import { commandOnce } from "./resp.js";
import type { Pair } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";

const PIPELINE = 16;
const CAPACITY = 1_000_000;
/** The goal: BF.ADD / BF.EXISTS at ≥ 0.8 of SADD / SISMEMBER. */
const RATIO_GOAL = 0.8;
/** Random members drawn from a million, as many as the filter is sized for. */
const RANDOM = ["-r", String(CAPACITY)];

const CASES: Case[] = [
  { name: "BF.ADD vs SADD", pipeline: PIPELINE, ferrite: [...RANDOM, "bf.add", "bench:bf", "__rand_int__"], redis: [...RANDOM, "sadd", "bench:set", "__rand_int__"] },
  { name: "BF.EXISTS vs SISMEMBER", pipeline: PIPELINE, ferrite: [...RANDOM, "bf.exists", "bench:bf", "__rand_int__"], redis: [...RANDOM, "sismember", "bench:set", "__rand_int__"] },
];

export interface BloomResult {
  throughput: Compared[];
  /** ratio: MEMORY USAGE over the theoretical bytes at the rate the filter is built for; ratioAsked: at the rate asked for. */
  memory: { filter: string; theoreticalBytes: number; memoryUsage: number | null; ratio: number | null; ratioAsked: number | null }[];
}

/** Bytes of a filter of n items at false-positive rate p with the optimal bit count. */
const theoretical = (n: number, p: number) => (n * Math.log(1 / p)) / Math.LN2 ** 2 / 8;

export async function runBloom(pair: Pair, requests: number, rounds: number): Promise<{ result: BloomResult; goals: Goal[] }> {
  const n = requests * (PIPELINE / 4);
  const result: BloomResult = { throughput: [], memory: [] };
  if (pair.ferrite) await commandOnce(pair.ferrite.port, "BF.RESERVE", "bench:bf", "0.01", String(CAPACITY));
  result.throughput = await compareCases(pair, CASES, () => n, rounds);
  printTable(
    ["test (-P 16)", "redis ops/s", "ferrite ops/s", "ratio"],
    result.throughput.map((r) => [r.test, fmt(r.redis), fmt(r.ferrite), fmt(r.ratio, 2)]),
  );
  // RedisBloom builds a scaling filter's first sub-filter at half the rate asked for, so that the rates of
  // the sub-filters it may add sum below it (sb.c, ADR 0048): its bits are a 0.5 % filter's.
  for (const [filter, args, built] of [
    ["1 M, 1 %, NONSCALING", ["NONSCALING"], 0.01],
    ["1 M, 1 %, scaling (first sub-filter at 0.5 %)", [], 0.005],
  ] as const) {
    let usage: number | null = null;
    if (pair.ferrite) {
      const key = `bench:mem:${result.memory.length}`;
      await commandOnce(pair.ferrite.port, "BF.RESERVE", key, "0.01", String(CAPACITY), ...args);
      usage = Number(await commandOnce(pair.ferrite.port, "MEMORY", "USAGE", key));
    }
    const bytes = theoretical(CAPACITY, built);
    const ratio = (p: number) => (usage === null ? null : usage / theoretical(CAPACITY, p));
    result.memory.push({ filter, theoreticalBytes: Math.round(bytes), memoryUsage: usage, ratio: ratio(built), ratioAsked: ratio(0.01) });
  }
  printTable(
    ["filter", "theoretical bytes at its rate", "MEMORY USAGE", "ratio", "ratio to 1 %'s bits"],
    result.memory.map((m) => [m.filter, fmt(m.theoreticalBytes), fmt(m.memoryUsage), fmt(m.ratio, 3), fmt(m.ratioAsked, 3)]),
  );
  const goals: Goal[] = [
    ...result.throughput.map((r) => ({ what: `${r.test} -P 16: ratio ≥ ${RATIO_GOAL} (measured ${fmt(r.ratio, 2)})`, met: r.ratio === null ? null : r.ratio >= RATIO_GOAL })),
    ...result.memory.map((m) => ({
      what: `${m.filter}: within 10 % of the theoretical bits at the rate it is built for (measured ${fmt(m.ratio, 3)}×; ${fmt(m.ratioAsked, 3)}× of 1 %'s)`,
      met: m.ratio === null ? null : Math.abs(m.ratio - 1) <= 0.1,
    })),
  ];
  printGoals(goals);
  return { result, goals };
}
