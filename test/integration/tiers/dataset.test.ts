// A dataset 20× the hot budget — strings, hashes, lists and sorted sets — is written by real clients,
// demoted through warm to cold segments, and read back exactly; then FLUSHALL leaves no segment behind.
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { tierInfo, waitForTiers } from "./tier-helpers.js";

const BUDGET = 1024 * 1024;
const s = useServer(["--tier-hot-max-memory", String(BUDGET), "--tier-segment-size", "1mb", "--tier-warm-max-memory", "4mb"], { kind: "ferrite" });

const blob = (i: number, n: number) => `${i}:`.padEnd(n, String.fromCharCode(97 + (i % 26)));

describe("a dataset 20x the hot budget", () => {
  it("is written, demoted to warm and cold segments, and read back exactly", async () => {
    const r = s.r;
    const p = r.pipeline();
    for (let i = 0; i < 8000; i++) p.set(`s:${i}`, blob(i, 1000)); // 8 MB
    for (let i = 0; i < 500; i++) p.hset(`h:${i}`, Object.fromEntries(Array.from({ length: 10 }, (_, f) => [`f${f}`, blob(i * 10 + f, 1000)]))); // 5 MB
    for (let i = 0; i < 500; i++) p.rpush(`l:${i}`, ...Array.from({ length: 10 }, (_, e) => blob(i + e, 1000))); // 5 MB
    for (let i = 0; i < 500; i++) p.zadd(`z:${i}`, ...Array.from({ length: 40 }, (_, m) => [m * 1.5, blob(m, 100)]).flat()); // 2 MB
    await p.exec();
    const info = await waitForTiers(r, (i) => i.tier_hot_bytes <= BUDGET);
    expect(info.tier_cold_keys).toBeGreaterThan(1000);
    expect(info.tier_warm_keys).toBeGreaterThan(0);
    expect(info.tier_warm_bytes + info.tier_cold_bytes).toBeGreaterThan(15 * BUDGET);
    expect(info.tier_hot_keys + info.tier_warm_keys + info.tier_cold_keys).toBe(9500);

    for (let i = 0; i < 8000; i += 500) {
      const q = r.pipeline();
      for (let j = i; j < i + 500; j++) q.get(`s:${j}`);
      const got = (await q.exec())!.map(([, v]) => v);
      expect(got).toEqual(Array.from({ length: 500 }, (_, k) => blob(i + k, 1000)));
    }
    for (let i = 0; i < 500; i++) {
      expect(await r.hgetall(`h:${i}`)).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, f) => [`f${f}`, blob(i * 10 + f, 1000)])));
      expect(await r.lrange(`l:${i}`, 0, -1)).toEqual(Array.from({ length: 10 }, (_, e) => blob(i + e, 1000)));
      expect(await r.zrange(`z:${i}`, 0, -1, "WITHSCORES")).toEqual(Array.from({ length: 40 }, (_, m) => [blob(m, 100), String(m * 1.5)]).flat());
    }
    const after = await waitForTiers(r, (i) => i.tier_hot_bytes <= BUDGET);
    expect(after.tier_promotions).toBeGreaterThan(8000);
    expect(after.tier_cold_hits).toBeGreaterThan(0);
  });

  it("keeps writes to demoted values (HSET, RPUSH, ZINCRBY, APPEND) and their sizes counted", async () => {
    const r = s.r;
    await r.hset("h:3", "new", "field");
    await r.rpush("l:4", "tail");
    await r.zincrby("z:5", 100, blob(0, 100));
    await r.append("s:6", "!");
    expect(await r.hget("h:3", "new")).toBe("field");
    expect(await r.lindex("l:4", -1)).toBe("tail");
    expect(await r.zscore("z:5", blob(0, 100))).toBe("100");
    expect(await r.get("s:6")).toBe(blob(6, 1000) + "!");
    await waitForTiers(r, (i) => i.tier_hot_bytes <= BUDGET);
  });

  it("FLUSHALL drops every demoted value and every segment file", async () => {
    await s.r.flushall();
    const info = await waitForTiers(s.r, (i) => i.tier_segments === 0);
    expect(info.tier_warm_keys + info.tier_cold_keys + info.tier_hot_keys).toBe(0);
    expect(info.tier_hot_bytes).toBe(0);
    expect((await tierInfo(s.r)).tier_segment_bytes).toBe(0);
  });
});
