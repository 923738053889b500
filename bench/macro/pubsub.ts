// The pub/sub figure: with idle clients connected and subscribers receiving every message, each server's
// RSS and PUBLISH throughput, side by side (pubsub-load.ts generates the load).
import type { Pair, Server } from "./servers.js";
import { runPubsubLoad, type PubsubFigure, type PubsubLoad } from "./pubsub-load.js";
import { fmt, MiB, printTable } from "./report.js";

export interface PubsubResult {
  load: PubsubLoad;
  redis: PubsubFigure | null;
  ferrite: PubsubFigure | null;
  error?: string;
}

async function measure(server: Server, load: PubsubLoad): Promise<PubsubFigure | string> {
  try {
    return await runPubsubLoad(server, load);
  } catch (e) {
    console.error(`  ${server.kind}: ${(e as Error).message}`);
    return (e as Error).message;
  }
}

export async function runPubsub(pair: Pair, load: PubsubLoad): Promise<PubsubResult> {
  const result: PubsubResult = { load, redis: null, ferrite: null };
  // One server at a time: the load generator shares the machine's two cores with the server it drives.
  for (const server of [pair.redis, pair.ferrite]) {
    if (!server) continue;
    const figure = await measure(server, load);
    if (typeof figure === "string") result.error = figure;
    else result[server.kind as "redis" | "ferrite"] = figure;
  }
  const row = (name: string, f: PubsubFigure | null) =>
    f
      ? [name, fmt(f.rssEmpty / MiB, 1), fmt(f.rssConnected / MiB, 1), fmt(f.rssPeak / MiB, 1), fmt(f.publishPerSecond), fmt(f.deliveredPerSecond)]
      : [name, "-", "-", "-", "-", "-"];
  printTable(
    ["server", "RSS empty MiB", "RSS connected MiB", "RSS peak MiB", "PUBLISH/s", "delivered/s per subscriber"],
    [row("redis", result.redis), row("ferrite", result.ferrite)],
  );
  if (result.redis && result.ferrite)
    console.log(`  ferrite/redis: PUBLISH/s ${fmt(result.ferrite.publishPerSecond / result.redis.publishPerSecond, 2)}, RSS peak ${fmt(result.ferrite.rssPeak / result.redis.rssPeak, 2)}`);
  return result;
}
