// SSCAN: a full iteration sees every member, MATCH filters, COUNT bounds the work, and the error order.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });

async function scanAll(key: string, ...options: string[]): Promise<string[]> {
  const seen: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = (await s.r.call("SSCAN", key, cursor, ...options)) as [string, string[]];
    seen.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return seen;
}

describe("SSCAN", () => {
  it("returns a small set whole, cursor 0", async () => {
    await s.r.sadd("s", "a", "b", "c");
    const [cursor, batch] = (await s.r.sscan("s", 0)) as [string, string[]];
    expect(cursor).toBe("0");
    expect(sorted(batch)).toEqual(["a", "b", "c"]);
    await s.r.sadd("i", "1", "2", "3");
    expect(sorted((await s.r.sscan("i", 0, "COUNT", 1))[1])).toEqual(["1", "2", "3"]);
  });

  it("walks a large set in steps, seeing every member once", async () => {
    const all = Array.from({ length: 1000 }, (_, i) => `m${i}`);
    await s.r.sadd("s", ...all);
    const [cursor, first] = (await s.r.sscan("s", 0, "COUNT", 10)) as [string, string[]];
    expect(cursor).not.toBe("0");
    expect(first.length).toBeLessThan(100);
    const seen = await scanAll("s", "COUNT", "25");
    expect(new Set(seen).size).toBe(1000);
    expect([...new Set(seen)].sort()).toEqual([...all].sort());
  });

  it("keeps members that stay for the whole scan while the set grows and shrinks", async () => {
    const stay = Array.from({ length: 300 }, (_, i) => `stay${i}`);
    await s.r.sadd("s", ...stay, ...Array.from({ length: 300 }, (_, i) => `go${i}`));
    const seen = new Set<string>();
    let cursor = "0";
    let round = 0;
    do {
      const [next, batch] = (await s.r.sscan("s", cursor, "COUNT", 20)) as [string, string[]];
      for (const m of batch) seen.add(m);
      cursor = next;
      round++;
      if (round === 3) await s.r.sadd("s", ...Array.from({ length: 2000 }, (_, i) => `new${i}`));
      if (round === 6) await s.r.srem("s", ...Array.from({ length: 300 }, (_, i) => `go${i}`));
    } while (cursor !== "0");
    for (const m of stay) expect(seen.has(m), m).toBe(true);
  });

  it("MATCH filters with glob patterns", async () => {
    await s.r.sadd("s", "apple", "apricot", "banana", "a*b", "1", "12");
    expect(sorted(await scanAll("s", "MATCH", "ap*"))).toEqual(["apple", "apricot"]);
    expect(sorted(await scanAll("s", "MATCH", "a\\*b"))).toEqual(["a*b"]);
    expect(sorted(await scanAll("s", "MATCH", "?"))).toEqual(["1"]);
    expect(sorted(await scanAll("s", "MATCH", "*[n]a*"))).toEqual(["banana"]);
    const big = Array.from({ length: 500 }, (_, i) => `k${i}`);
    await s.r.sadd("b", ...big);
    expect(sorted(await scanAll("b", "MATCH", "k1?", "COUNT", "7"))).toEqual(Array.from({ length: 10 }, (_, i) => `k1${i}`).sort());
  });

  it("a missing key is an empty scan; the reply is an array of a cursor and an array", async () => {
    expect(await s.r.sscan("nope", 0)).toEqual(["0", []]);
    expect(await rawReply(s.port, 3, "SSCAN", "nope", "0")).toBe("*2\r\n$1\r\n0\r\n*0\r\n");
    await s.r.sadd("s", "a");
    expect(await rawReply(s.port, 3, "SSCAN", "s", "0")).toBe("*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n");
  });

  it("checks the cursor first, then the key, then the options", async () => {
    await s.r.sadd("s", "a");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("SSCAN", "s", "x"))).toBe("ERR invalid cursor");
    expect(await errorOf(s.r.call("SSCAN", "str", "x"))).toBe("ERR invalid cursor");
    expect(await errorOf(s.r.call("SSCAN", "str", "0"))).toBe(WRONGTYPE);
    expect(await s.r.call("SSCAN", "nope", "0", "COUNT", "0")).toEqual(["0", []]);
    expect(await s.r.call("SSCAN", "nope", "0", "FOO")).toEqual(["0", []]);
    for (const options of [["COUNT", "0"], ["COUNT", "-1"], ["FOO"], ["MATCH"], ["COUNT"], ["FOO", "1"]])
      expect(await errorOf(s.r.call("SSCAN", "s", "0", ...options)), options.join(" ")).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("SSCAN", "s", "0", "COUNT", "x"))).toBe("ERR value is not an integer or out of range");
    // A compact set (intset here) is always returned whole, whatever the cursor; "-1" wraps like strtoul.
    await s.r.sadd("i", "7");
    expect(await s.r.call("SSCAN", "i", "-1")).toEqual(["0", ["7"]]);
  });
});
