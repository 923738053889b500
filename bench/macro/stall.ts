// The longest pause inside the server under a sustained mixed GET/SET load over N keys. Only the server
// can see its own event loop, so Ferrite reports the maximum of perf_hooks.monitorEventLoopDelay as
// `eventloop_max_delay_ms` in INFO stats (reset by CONFIG RESETSTAT). A PING probe from outside adds
// an upper bound any server can be held to: its worst round trip, which also counts this machine's
// scheduling noise — the redis-server row shows that floor.
//
// The load's first seconds are reported apart from the rest: a freshly started server meets the GET
// path for the first time there (the key load ran SETs only), and V8 runs it unoptimized until it has
// recompiled it — batches of 16 commands then take 4–5 ms for about a tenth of a second. The goal is
// held to the steady state that follows, as the throughput phase measures after a warm-up pass.
import { loadKeys, VALUE_BYTES } from "./loader.js";
import { startLoad } from "./redis-benchmark.js";
import { dbsize, infoField, RespConnection } from "./resp.js";
import type { Pair, Server } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";

const GOAL_MS = 10;
const PROBE_INTERVAL_MS = 10;
/** Per load process; two processes (GET, SET) make 50 connections, as in the throughput runs. */
const CLIENTS = "25";
const PIPELINE = "16";
const WARM_UP_SECONDS = 3;

export interface StallFigure {
  /** From INFO stats, over the load's first WARM_UP_SECONDS; null when the server does not report it. */
  warmUpMaxMs: number | null;
  /** From INFO stats, over the `seconds` after those; null when the server does not report it. */
  eventLoopMaxMs: number | null;
  probeMaxMs: number;
  probes: number;
  commandsPerSecond: number | null;
}

export interface StallResult {
  keys: number;
  seconds: number;
  redis: StallFigure | null;
  ferrite: StallFigure | null;
  error?: string;
}

async function probe(conn: RespConnection, until: number): Promise<{ max: number; count: number }> {
  let max = 0;
  let count = 0;
  while (performance.now() < until) {
    const sent = performance.now();
    await conn.command("PING");
    max = Math.max(max, performance.now() - sent);
    count++;
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
  }
  return { max, count };
}

async function measure(server: Server, keys: number, seconds: number): Promise<StallFigure> {
  // The memory phase may have loaded these keys already on the same servers.
  if ((await dbsize(server.port)) < keys) await loadKeys(server.port, keys);
  const conn = await RespConnection.open(server.port);
  try {
    // A server without CONFIG RESETSTAT or INFO stats still gets its probe figure; its loop figure would
    // then cover the key load too, so it is not reported.
    const resetOk = await conn.command("CONFIG", "RESETSTAT").then(() => true, () => false);
    const range = ["-r", String(keys), "-c", CLIENTS, "-P", PIPELINE];
    const loads = [startLoad(server.port, ["-t", "get", ...range]), startLoad(server.port, ["-t", "set", "-d", String(VALUE_BYTES), ...range])];
    await probe(conn, performance.now() + WARM_UP_SECONDS * 1000);
    const warmUpInfo = resetOk ? await conn.command("INFO", "stats").catch(() => "") : "";
    if (resetOk) await conn.command("CONFIG", "RESETSTAT");
    const started = performance.now();
    const p = await probe(conn, started + seconds * 1000);
    const elapsed = (performance.now() - started) / 1000;
    const info = resetOk ? await conn.command("INFO", "stats").catch(() => "") : "";
    await Promise.all(loads.map((l) => l.stop()));
    const warmUpMax = infoField(warmUpInfo, "eventloop_max_delay_ms");
    const loopMax = infoField(info, "eventloop_max_delay_ms");
    const commands = infoField(info, "total_commands_processed");
    return {
      warmUpMaxMs: warmUpMax === undefined ? null : Number(warmUpMax),
      eventLoopMaxMs: loopMax === undefined ? null : Number(loopMax),
      probeMaxMs: p.max,
      probes: p.count,
      commandsPerSecond: commands === undefined ? null : Number(commands) / elapsed,
    };
  } finally {
    conn.close();
  }
}

export async function runStall(pair: Pair, keys: number, seconds: number): Promise<{ result: StallResult; goals: Goal[] }> {
  const result: StallResult = { keys, seconds, redis: await measure(pair.redis, keys, seconds), ferrite: null };
  if (pair.ferrite) {
    try {
      result.ferrite = await measure(pair.ferrite, keys, seconds);
    } catch (e) {
      result.error = (e as Error).message;
      console.error(`  ferrite: ${result.error}`);
    }
  }
  const row = (name: string, f: StallFigure | null) =>
    f ? [name, fmt(f.warmUpMaxMs, 1), fmt(f.eventLoopMaxMs, 1), fmt(f.probeMaxMs, 1), fmt(f.probes), fmt(f.commandsPerSecond)] : [name, "-", "-", "-", "-", "-"];
  printTable(
    ["server", `first ${WARM_UP_SECONDS} s loop max ms`, "event loop max ms", "PING probe max ms", "probes", "commands/s"],
    [row("redis", result.redis), row("ferrite", result.ferrite)],
  );
  const loopMax = result.ferrite?.eventLoopMaxMs ?? null;
  const goals = [{ what: `longest event-loop stall in Ferrite ≤ ${GOAL_MS} ms over ${seconds} s of GET/SET on ${fmt(keys)} keys after the first ${WARM_UP_SECONDS} s (measured ${fmt(loopMax, 1)}; first ${WARM_UP_SECONDS} s ${fmt(result.ferrite?.warmUpMaxMs ?? null, 1)})`, met: loopMax === null ? null : loopMax <= GOAL_MS }];
  printGoals(goals);
  return { result, goals };
}
