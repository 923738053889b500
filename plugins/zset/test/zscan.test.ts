import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { against } from "../../../test/helpers/target.js";

const s = useServer([], { flush: true });

/** Every [member, score] ZSCAN returns from cursor 0 to the end, with the number of calls. */
async function scanAll(key: string, ...options: string[]): Promise<{ scores: Map<string, string>; calls: number }> {
  const scores = new Map<string, string>();
  let cursor = "0";
  let calls = 0;
  do {
    const [next, items] = (await s.r.call("ZSCAN", key, cursor, ...options)) as [string, string[]];
    for (let i = 0; i < items.length; i += 2) scores.set(items[i]!, items[i + 1]!);
    cursor = next;
    calls++;
  } while (cursor !== "0");
  return { scores, calls };
}

const members = (n: number, prefix = "m") => Array.from({ length: n }, (_, i) => [String(i), `${prefix}${i}`]).flat();

describe("ZSCAN", () => {
  it("a small set comes back whole at once, in order, MATCH applied", async () => {
    await s.r.zadd("z", 2, "b", 1.5, "a", 3, "ab");
    expect(await s.r.call("ZSCAN", "z", "0")).toEqual(["0", ["a", "1.5", "b", "2", "ab", "3"]]);
    expect(await s.r.call("ZSCAN", "z", "0", "MATCH", "a*", "COUNT", "1")).toEqual(["0", ["a", "1.5", "ab", "3"]]);
  });

  it("walks a large set with a cursor, MATCH and COUNT", async () => {
    await s.r.zadd("z", ...members(2000));
    const all = await scanAll("z");
    expect(all.scores.size).toBe(2000);
    expect(all.scores.get("m1234")).toBe("1234");
    expect(all.calls).toBeGreaterThan(10);
    const some = await scanAll("z", "MATCH", "m1?", "COUNT", "100");
    expect([...some.scores.keys()].sort()).toEqual(["m10", "m11", "m12", "m13", "m14", "m15", "m16", "m17", "m18", "m19"]);
  });

  it("returns every member present for the whole scan while the set grows and shrinks", async () => {
    await s.r.zadd("z", ...members(1000));
    const seen = new Set<string>();
    let cursor = "0";
    let step = 0;
    do {
      const [next, items] = (await s.r.call("ZSCAN", "z", cursor, "COUNT", "20")) as [string, string[]];
      for (let i = 0; i < items.length; i += 2) seen.add(items[i]!);
      cursor = next;
      step++;
      if (step === 5) await s.r.zadd("z", ...members(5000, "new"));
      if (step === 15) await s.r.zrem("z", ...Array.from({ length: 5000 }, (_, i) => `new${i}`));
    } while (cursor !== "0");
    for (let i = 0; i < 1000; i++) expect(seen.has(`m${i}`)).toBe(true);
  });

  it("prints each score as ZSCORE does in RESP2, in both encodings", async () => {
    // No integers as large as 2^62: Redis 7.0's ZSCAN prints them whole where its ZSCORE uses %.17g.
    const values = [1.5, 1, -0, 0.1, 1e100, -1e-100, 1 / 3, 2 ** 53 + 2, 123456789.125, 1e21, 3e-7,
      5e-324, Number.MAX_VALUE, -2.5e-5, 0.000123, 1234567.0001, Infinity, -Infinity];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 300; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 40 - 20));
    for (let i = 0; i < 50; i++) values.push(Math.round(random() * 1e6) / 1000);
    const args = values.flatMap((v, i) => [String(v), `v${i}`]);
    await s.r.zadd("big", ...args); // a skiplist
    for (let i = 0; i < 20; i++) await s.r.zadd(`small${i}`, String(values[i]), "v"); // listpacks
    const scanned = (await scanAll("big", "COUNT", "1000")).scores;
    const pipeline = s.r.pipeline();
    for (let i = 0; i < values.length; i++) pipeline.zscore("big", `v${i}`);
    const scored = (await pipeline.exec())!.map(([, v]) => v);
    values.forEach((v, i) => {
      expect(scanned.get(`v${i}`), `score ${v}`).toBe(scored[i]);
    });
    for (let i = 0; i < 20; i++) {
      const [, items] = (await s.r.call("ZSCAN", `small${i}`, "0")) as [string, string[]];
      expect(items[1], `score ${values[i]}`).toBe(scored[i]);
    }
  });

  it.skipIf(against === "redis")("uses Redis 7.2's shortest round-trip text", async () => {
    await s.r.zadd("z", 1.5, "a", 1, "b", 1e100, "c", "inf", "d", 0.1, "e", -1.234e-6, "f", 2 ** 62, "g", 1e21, "h");
    const [, items] = (await s.r.call("ZSCAN", "z", "0")) as [string, string[]];
    expect(items).toEqual(["f", "-1.234e-6", "e", "0.1", "b", "1", "a", "1.5", "g", "4611686018427387904", "h", "1e+21", "c", "1e+100", "d", "inf"]);
  });

  it("missing key, errors, bulk-string scores in RESP3", async () => {
    expect(await s.r.call("ZSCAN", "nokey", "0", "COUNT", "0")).toEqual(["0", []]);
    await s.r.zadd("z", 1.5, "a");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("ZSCAN", "str", "0"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("ZSCAN", "z", "x"))).toBe("ERR invalid cursor");
    expect(await errorOf(s.r.call("ZSCAN", "z", "0", "COUNT", "0"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZSCAN", "z", "0", "COUNT", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("ZSCAN", "z", "0", "MATCH"))).toBe("ERR syntax error");
    expect(await rawReply(s.port, 3, "ZSCAN", "z", "0")).toBe("*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$3\r\n1.5\r\n");
  });
});
