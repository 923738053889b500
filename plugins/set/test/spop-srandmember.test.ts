// SPOP and SRANDMEMBER: with and without a count, negative counts (repeats), argument errors, RESP3 shapes.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });
const members = (n: number, prefix = "m") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const ints = (n: number) => Array.from({ length: n }, (_, i) => String(i));

describe("SPOP", () => {
  it("pops one member, deleting the emptied key", async () => {
    await s.r.sadd("s", "a", "b");
    const first = await s.r.spop("s");
    const second = await s.r.spop("s");
    expect([first, second].sort()).toEqual(["a", "b"]);
    expect(await s.r.exists("s")).toBe(0);
    expect(await s.r.spop("s")).toBeNull();
  });

  for (const [name, all] of [["small", members(20)], ["integer", ints(50)], ["large", members(400)]] as const) {
    it(`pops COUNT distinct members from a ${name} set`, async () => {
      await s.r.sadd("s", ...all);
      const popped = (await s.r.spop("s", 7)) as string[];
      expect(new Set(popped).size).toBe(7);
      for (const m of popped) expect(all).toContain(m);
      expect(await s.r.scard("s")).toBe(all.length - 7);
      expect(await s.r.smismember("s", ...popped)).toEqual(popped.map(() => 0));
      // Popping most of the rest, then more than is left, empties the key.
      const most = (await s.r.spop("s", all.length - 9)) as string[];
      expect(new Set([...popped, ...most]).size).toBe(all.length - 2);
      const rest = (await s.r.spop("s", 100000)) as string[];
      expect(sorted([...popped, ...most, ...rest])).toEqual([...all].sort());
      expect(await s.r.exists("s")).toBe(0);
    });
  }

  it("count 0 and missing keys give empty sets; no count on a missing key is null", async () => {
    await s.r.sadd("s", "a");
    expect(await s.r.spop("s", 0)).toEqual([]);
    expect(await s.r.scard("s")).toBe(1);
    expect(await s.r.spop("nope", 3)).toEqual([]);
    expect(await rawReply(s.port, 3, "SPOP", "nope", "3")).toBe("~0\r\n");
    expect(await rawReply(s.port, 3, "SPOP", "nope")).toBe("_\r\n");
    expect(await rawReply(s.port, 2, "SPOP", "nope")).toBe("$-1\r\n");
    expect(await rawReply(s.port, 2, "SPOP", "nope", "3")).toBe("*0\r\n");
  });

  it("replies a set with a count in RESP3", async () => {
    await s.r.sadd("s", "a");
    expect(await rawReply(s.port, 3, "SPOP", "s", "5")).toBe("~1\r\n$1\r\na\r\n");
    await s.r.sadd("s", "a", "b", "c");
    expect(await rawReply(s.port, 3, "SPOP", "s", "1")).toMatch(/^~1\r\n\$1\r\n[abc]\r\n$/);
    expect(await rawReply(s.port, 3, "SPOP", "s")).toMatch(/^\$1\r\n[abc]\r\n$/);
  });

  it("refuses bad counts, extra arguments and other types", async () => {
    await s.r.sadd("s", "a");
    const positive = "ERR value is out of range, must be positive";
    expect(await errorOf(s.r.call("SPOP", "s", "-1"))).toBe(positive);
    expect(await errorOf(s.r.call("SPOP", "s", "x"))).toBe(positive);
    expect(await errorOf(s.r.call("SPOP", "nope", "-1"))).toBe(positive);
    expect(await errorOf(s.r.call("SPOP", "s", "1", "2"))).toBe("ERR syntax error");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("SPOP", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("SPOP", "str", "0"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("SPOP", "str", "2"))).toBe(WRONGTYPE);
  });
});

describe("SRANDMEMBER", () => {
  it("returns one member without removing it", async () => {
    await s.r.sadd("s", "a", "b");
    expect(["a", "b"]).toContain(await s.r.srandmember("s"));
    expect(await s.r.scard("s")).toBe(2);
    expect(await s.r.srandmember("nope")).toBeNull();
  });

  for (const [name, all] of [["small", members(20)], ["integer", ints(50)], ["large", members(400)]] as const) {
    it(`positive counts give distinct members of a ${name} set`, async () => {
      await s.r.sadd("s", ...all);
      for (const count of [1, 5, all.length - 1]) {
        const got = (await s.r.srandmember("s", count)) as string[];
        expect(got.length).toBe(count);
        expect(new Set(got).size).toBe(count);
        for (const m of got) expect(all).toContain(m);
      }
      expect(sorted(await s.r.srandmember("s", all.length + 5))).toEqual([...all].sort());
      expect(await s.r.scard("s")).toBe(all.length);
    });

    it(`negative counts may repeat members of a ${name} set`, async () => {
      await s.r.sadd("s", ...all);
      const got = (await s.r.srandmember("s", -1000)) as string[];
      expect(got.length).toBe(1000);
      for (const m of got) expect(all).toContain(m);
      // 1000 draws over at most 400 members: repeats are certain, and many members show up.
      expect(new Set(got).size).toBeLessThan(1000);
      expect(new Set(got).size).toBeGreaterThan(Math.min(all.length, 100) / 2);
    });
  }

  it("count 0 and missing keys give empty arrays", async () => {
    await s.r.sadd("s", "a");
    expect(await s.r.srandmember("s", 0)).toEqual([]);
    expect(await s.r.srandmember("nope", 5)).toEqual([]);
    expect(await s.r.srandmember("nope", -5)).toEqual([]);
    expect(await rawReply(s.port, 3, "SRANDMEMBER", "nope", "5")).toBe("*0\r\n");
    expect(await rawReply(s.port, 3, "SRANDMEMBER", "nope")).toBe("_\r\n");
  });

  it("replies arrays, even in RESP3", async () => {
    await s.r.sadd("s", "a");
    expect(await rawReply(s.port, 3, "SRANDMEMBER", "s", "-3")).toBe("*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 3, "SRANDMEMBER", "s", "3")).toBe("*1\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 3, "SRANDMEMBER", "s")).toBe("$1\r\na\r\n");
  });

  it("refuses bad counts, extra arguments and other types", async () => {
    await s.r.sadd("s", "a");
    expect(await errorOf(s.r.call("SRANDMEMBER", "s", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("SRANDMEMBER", "s", "-9223372036854775808"))).toBe(
      "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
    );
    expect(await errorOf(s.r.call("SRANDMEMBER", "s", "1", "2"))).toBe("ERR syntax error");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("SRANDMEMBER", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("SRANDMEMBER", "str", "3"))).toBe(WRONGTYPE);
  });
});
