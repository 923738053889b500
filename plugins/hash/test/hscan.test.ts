import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer([], { flush: true });

/** Every [field, value] HSCAN returns from cursor 0 to the end, with the number of calls. */
async function scanAll(key: string, ...options: string[]): Promise<{ pairs: Map<string, string>; calls: number }> {
  const pairs = new Map<string, string>();
  let cursor = "0";
  let calls = 0;
  do {
    const [next, items] = (await s.r.call("HSCAN", key, cursor, ...options)) as [string, string[]];
    for (let i = 0; i < items.length; i += 2) pairs.set(items[i]!, items[i + 1]!);
    cursor = next;
    calls++;
  } while (cursor !== "0");
  return { pairs, calls };
}

describe("HSCAN", () => {
  it("a small hash comes back whole at once", async () => {
    await s.r.hset("h", "a", "1", "b", "2", "ab", "3");
    expect(await s.r.call("HSCAN", "h", "0")).toEqual(["0", ["a", "1", "b", "2", "ab", "3"]]);
    expect(await s.r.call("HSCAN", "h", "0", "MATCH", "a*", "COUNT", "1")).toEqual(["0", ["a", "1", "ab", "3"]]);
    expect(await s.r.call("HSCAN", "h", "0", "MATCH", "*")).toEqual(["0", ["a", "1", "b", "2", "ab", "3"]]);
  });

  it("walks a large hash with a cursor, MATCH and COUNT", async () => {
    await s.r.hset("h", ...fieldsAndValues(2000));
    const all = await scanAll("h");
    expect(all.pairs.size).toBe(2000);
    expect(all.pairs.get("f1234")).toBe("v1234");
    expect(all.calls).toBeGreaterThan(10);
    const some = await scanAll("h", "MATCH", "f1?", "COUNT", "100");
    expect([...some.pairs.keys()].sort()).toEqual(["f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19"]);
  });

  it("returns every field present for the whole scan while the hash grows and shrinks", async () => {
    await s.r.hset("h", ...fieldsAndValues(1000));
    const seen = new Set<string>();
    let cursor = "0";
    let step = 0;
    do {
      const [next, items] = (await s.r.call("HSCAN", "h", cursor, "COUNT", "20")) as [string, string[]];
      for (let i = 0; i < items.length; i += 2) seen.add(items[i]!);
      cursor = next;
      step++;
      if (step === 5) await s.r.hset("h", ...fieldsAndValues(5000, "new"));
      if (step === 15) await s.r.hdel("h", ...Array.from({ length: 5000 }, (_, i) => `newf${i}`));
    } while (cursor !== "0");
    for (let i = 0; i < 1000; i++) expect(seen.has(`f${i}`)).toBe(true);
  });

  it("missing key, RESP3 shape", async () => {
    expect(await s.r.call("HSCAN", "nokey", "0")).toEqual(["0", []]);
    expect(await s.r.call("HSCAN", "nokey", "0", "COUNT", "0")).toEqual(["0", []]);
    await s.r.hset("h", "a", "1");
    expect(await rawReply(s.port, 3, "HSCAN", "h", "0")).toBe("*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
  });

  it("errors", async () => {
    await s.r.hset("h", "a", "1");
    expect(await errorOf(s.r.call("HSCAN", "h", "x"))).toBe("ERR invalid cursor");
    expect(await errorOf(s.r.call("HSCAN", "nokey", "x"))).toBe("ERR invalid cursor");
    expect(await errorOf(s.r.call("HSCAN", "h", "0", "COUNT", "0"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("HSCAN", "h", "0", "COUNT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("HSCAN", "h", "0", "COUNT", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("HSCAN", "h", "0", "foo", "bar"))).toBe("ERR syntax error");
    await otherTypeKey(s.r, "o");
    expect(await errorOf(s.r.call("HSCAN", "o", "0"))).toBe(WRONGTYPE);
  });
});
