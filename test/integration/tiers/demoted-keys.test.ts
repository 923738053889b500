// Keys whose values are demoted behave exactly like hot ones to clients: TYPE, WRONGTYPE, TTL and EXPIRE
// answer from the key's entry without promoting; DEL drops the record without loading it; DUMP reads the
// record; COPY, RENAME, MOVE and RESTORE give right values; compaction reclaims deleted records' space.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { chillAll, demoteAll, tierInfo, waitForTiers } from "./tier-helpers.js";

const BUDGET = "1mb";
const WARM = "4mb";
const s = useServer(["--tier-hot-max-memory", BUDGET, "--tier-segment-size", "256kb", "--tier-warm-max-memory", WARM], { kind: "ferrite", flush: true });

describe("demoted keys", () => {
  it("answer TYPE, TTL, EXPIRE, EXISTS and WRONGTYPE without being promoted", async () => {
    const r = s.r;
    await r.set("str", "hello", "EX", 1000);
    await r.rpush("list", "a", "b");
    await r.hset("hash", "f", "v");
    await chillAll(r, BUDGET, WARM);
    const before = (await tierInfo(r)).tier_promotions;
    expect(await r.call("TIER", "str")).toBe("cold");
    expect(await r.type("str")).toBe("string");
    expect(await r.type("list")).toBe("list");
    expect(await r.exists("str", "list", "hash", "nope")).toBe(3);
    expect(await r.ttl("str")).toBeGreaterThan(990);
    expect(await r.expire("list", 500)).toBe(1);
    expect(await r.ttl("list")).toBeGreaterThan(490);
    expect(await r.persist("str")).toBe(1);
    expect(await r.ttl("str")).toBe(-1);
    expect(await errorOf(r.lpush("str", "x"))).toMatch(/^WRONGTYPE/);
    expect(await errorOf(r.get("hash"))).toMatch(/^WRONGTYPE/);
    expect((await tierInfo(r)).tier_promotions).toBe(before);
    expect(await r.call("TIER", "list")).toBe("cold");
    expect(await r.call("TIER", "nope")).toBeNull();
    // A read promotes.
    expect(await r.lrange("list", 0, -1)).toEqual(["a", "b"]);
    expect(await r.call("TIER", "list")).toBe("hot");
    expect((await tierInfo(r)).tier_promotions).toBe(before + 1);
  });

  it("expire on their own TTL like hot keys", async () => {
    const r = s.r;
    await r.set("short", "v", "PX", 300);
    await demoteAll(r, BUDGET);
    expect(await r.call("TIER", "short")).toBe("warm");
    await new Promise((ok) => setTimeout(ok, 400));
    expect(await r.get("short")).toBeNull();
    expect(await r.exists("short")).toBe(0);
  });

  it("are deleted without promotion, freeing their record", async () => {
    const r = s.r;
    for (let i = 0; i < 50; i++) await r.set(`d:${i}`, "x".repeat(1000));
    await demoteAll(r, BUDGET);
    const before = await tierInfo(r);
    expect(before.tier_warm_keys).toBe(50);
    expect(await r.del(...Array.from({ length: 25 }, (_, i) => `d:${i}`))).toBe(25);
    expect(await r.unlink("d:25", "d:26")).toBe(2);
    const after = await tierInfo(r);
    expect(after.tier_promotions).toBe(before.tier_promotions);
    expect(after.tier_warm_keys).toBe(23);
    expect(after.tier_warm_bytes).toBeLessThan(before.tier_warm_bytes / 2);
    expect(await r.get("d:30")).toBe("x".repeat(1000));
  });

  it("DUMP reads the record without promoting; RESTORE, COPY, RENAME and MOVE keep the value", async () => {
    const r = s.r;
    await r.zadd("z", 1, "one", 2, "two");
    await r.hset("h", { a: "1", b: "2" });
    await r.set("s", "string value");
    await demoteAll(r, BUDGET);
    const promotions = (await tierInfo(r)).tier_promotions;
    const dump = await r.dumpBuffer("z");
    expect((await tierInfo(r)).tier_promotions).toBe(promotions);
    expect(await r.call("TIER", "z")).toBe("warm");
    await r.restore("z2", 0, dump);
    expect(await r.zrange("z2", 0, -1, "WITHSCORES")).toEqual(["one", "1", "two", "2"]);
    expect(await r.copy("h", "h2")).toBe(1);
    expect(await r.hgetall("h2")).toEqual({ a: "1", b: "2" });
    expect(await r.hgetall("h")).toEqual({ a: "1", b: "2" });
    await demoteAll(r, BUDGET);
    expect(await r.rename("s", "s2")).toBe("OK");
    expect(await r.get("s2")).toBe("string value");
    await demoteAll(r, BUDGET);
    expect(await r.move("s2", 3)).toBe(1);
    const other = s.client({ db: 3 });
    expect(await other.get("s2")).toBe("string value");
    await other.flushdb();
  });

  it("are compacted: deleting most of a segment's records reclaims its space, and survivors read back", async () => {
    const r = s.r;
    const p = r.pipeline();
    for (let i = 0; i < 3000; i++) p.set(`c:${i}`, `${i}`.padEnd(1000, "c"));
    await p.exec();
    await demoteAll(r, BUDGET);
    const before = await tierInfo(r);
    const del = r.pipeline();
    for (let i = 0; i < 3000; i++) if (i % 3 !== 0) del.del(`c:${i}`);
    await del.exec();
    const after = await waitForTiers(r, (i) => i.tier_compactions > before.tier_compactions && i.tier_garbage_bytes < before.tier_segment_bytes / 4);
    expect(after.tier_compacted_bytes).toBeGreaterThan(before.tier_compacted_bytes);
    expect(after.tier_segment_bytes).toBeLessThan(before.tier_segment_bytes * 0.6);
    const q = r.pipeline();
    for (let i = 0; i < 3000; i += 3) q.get(`c:${i}`);
    const got = (await q.exec())!.map(([, v]) => v);
    expect(got).toEqual(Array.from({ length: 1000 }, (_, k) => `${k * 3}`.padEnd(1000, "c")));
  });
});
