// Reading the `# Tiers` INFO section and waiting for the background tier work to settle.
import type { Redis } from "ioredis";
import { sleep } from "../../helpers/server.js";

export async function tierInfo(r: Redis): Promise<Record<string, number>> {
  const text = await r.info("tiers");
  const out: Record<string, number> = {};
  for (const line of text.split("\r\n")) {
    const [k, v] = line.split(":");
    if (v !== undefined) out[k] = Number(v);
  }
  return out;
}

/** Polls INFO until `done` holds (the demotion slices run between event-loop turns and in serverCron). */
export async function waitForTiers(r: Redis, done: (i: Record<string, number>) => boolean, timeoutMs = 30_000): Promise<Record<string, number>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const info = await tierInfo(r);
    if (done(info)) return info;
    if (Date.now() > until) throw new Error(`tiers did not settle: ${JSON.stringify(info)}`);
    await sleep(50);
  }
}

/** Demote every value: a 1-byte hot budget, then back to `budget` once nothing is hot. */
export async function demoteAll(r: Redis, budget: string): Promise<void> {
  await r.config("SET", "tier-hot-max-memory", "1");
  await waitForTiers(r, (i) => i.tier_hot_keys === 0);
  await r.config("SET", "tier-hot-max-memory", budget);
}

/** Demote every value and make every segment cold. */
export async function chillAll(r: Redis, budget: string, warm: string): Promise<void> {
  await r.config("SET", "tier-warm-max-memory", "0");
  await demoteAll(r, budget);
  await waitForTiers(r, (i) => i.tier_warm_keys === 0);
  await r.config("SET", "tier-warm-max-memory", warm);
}
