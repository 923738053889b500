// Host API 1.2 page access through the strings plugin: GETRANGE, STRLEN and GETBIT on a cold 8 MB string
// read only the bytes asked for from its segment, return exactly what a hot string would, and leave it cold.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { chillAll, demoteAll, tierInfo } from "./tier-helpers.js";

const BUDGET = "1mb";
const WARM = "16mb";
const s = useServer(["--tier-hot-max-memory", BUDGET, "--tier-segment-size", "1mb", "--tier-warm-max-memory", WARM], { kind: "ferrite" });

const SIZE = 8 * 1024 * 1024;
const big = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) big[i] = (i * 7 + (i >> 12)) & 0xff;

describe("page access to a cold string", () => {
  it("GETRANGE returns the right bytes without promoting it", async () => {
    const r = s.r;
    await r.set("big", big);
    await chillAll(r, BUDGET, WARM);
    expect(await r.call("TIER", "big")).toBe("cold");
    const before = await tierInfo(r);
    for (const [start, end] of [[0, 99], [4096 - 10, 4096 + 10], [SIZE - 5, SIZE - 1], [5_000_000, 5_065_535], [-3, -1], [SIZE - 2, SIZE + 100]]) {
      const got = await r.getrangeBuffer("big", start, end);
      const from = start < 0 ? SIZE + start : start;
      const to = Math.min(end < 0 ? SIZE + end : end, SIZE - 1);
      expect(got.equals(big.subarray(from, to + 1))).toBe(true);
    }
    expect((await r.getrangeBuffer("big", 10, 5)).length).toBe(0);
    expect(await r.strlen("big")).toBe(SIZE);
    expect(await r.getbit("big", 8 * 4097 + 3)).toBe((big[4097] >> 4) & 1);
    expect(await r.getbit("big", 8 * SIZE + 3)).toBe(0);
    const after = await tierInfo(r);
    expect(await r.call("TIER", "big")).toBe("cold");
    expect(after.tier_promotions).toBe(before.tier_promotions);
    expect(after.tier_page_reads).toBeGreaterThan(before.tier_page_reads + 6);
  });

  it("keeps WRONGTYPE and missing-key answers for demoted keys", async () => {
    const r = s.r;
    await r.rpush("list", "a");
    await demoteAll(r, BUDGET);
    expect(await errorOf(r.getrange("list", 0, 1))).toMatch(/^WRONGTYPE/);
    expect(await errorOf(r.strlen("list"))).toMatch(/^WRONGTYPE/);
    expect(await r.getrange("nothing", 0, 1)).toBe("");
    expect(await r.strlen("nothing")).toBe(0);
  });

  it("GET and SETRANGE still promote and change it", async () => {
    const r = s.r;
    await r.config("SET", "tier-hot-max-memory", "64mb"); // 8 MB could not stay hot under a 1 MB budget
    expect((await r.getBuffer("big"))!.equals(big)).toBe(true);
    expect(await r.call("TIER", "big")).toBe("hot");
    await r.setrange("big", 1, "XY");
    await demoteAll(r, BUDGET);
    expect(await r.call("TIER", "big")).not.toBe("hot");
    expect(await r.getrange("big", 0, 3)).toBe(String.fromCharCode(big[0]) + "XY" + String.fromCharCode(big[3]));
  });
});
