// The set type as the host sees it: OBJECT ENCODING per Redis 7.2's rules, DUMP/RESTORE, COPY, RENAME, MOVE.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });
const encoding = (key: string) => s.r.call("OBJECT", "ENCODING", key);
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe("OBJECT ENCODING", () => {
  it("intset for small sets of integers, hashtable past 512 of them", async () => {
    await s.r.sadd("i", ...range(512, String));
    expect(await encoding("i")).toBe("intset");
    await s.r.sadd("i", "-9223372036854775808", "9223372036854775807");
    expect(await encoding("i")).toBe("hashtable");
    await s.r.sadd("j", "1", "-5");
    expect(await encoding("j")).toBe("intset");
  });

  it.skipIf(against === "redis")("listpack for small sets (Redis 7.2), hashtable past 128 members or 64 bytes", async () => {
    await s.r.sadd("l", "a", "b");
    expect(await encoding("l")).toBe("listpack");
    await s.r.sadd("i", "1", "2");
    await s.r.sadd("i", "x");
    expect(await encoding("i")).toBe("listpack");
    await s.r.sadd("l", ...range(126, (i) => `m${i}`));
    expect(await encoding("l")).toBe("listpack");
    await s.r.sadd("l", "one-more");
    expect(await encoding("l")).toBe("hashtable");
    await s.r.sadd("long", "x".repeat(64));
    expect(await encoding("long")).toBe("listpack");
    await s.r.sadd("long", "x".repeat(65));
    expect(await encoding("long")).toBe("hashtable");
    await s.r.sadd("toomany", ...range(200, String));
    await s.r.sadd("toomany", "x");
    expect(await encoding("toomany")).toBe("hashtable");
  });

  it.skipIf(against === "redis")("converts before a large SADD and encodes stored results by their members", async () => {
    await s.r.sadd("l", "a");
    await s.r.sadd("l", ...range(129, () => "a"));
    expect(await encoding("l")).toBe("hashtable");
    await s.r.sadd("i1", "1", "2", "3");
    await s.r.sadd("i2", "2", "3", "x");
    await s.r.sinterstore("inter", "i1", "i2");
    expect(await encoding("inter")).toBe("intset");
    await s.r.sunionstore("union", "i1", "i2");
    expect(await encoding("union")).toBe("listpack");
    await s.r.sadd("big", ...range(300, (i) => `m${i}`));
    await s.r.sdiffstore("diff", "big", "i2");
    expect(await encoding("diff")).toBe("hashtable");
  });

  it("stays hashtable after shrinking, as in Redis", async () => {
    await s.r.sadd("h", ...range(600, String));
    await s.r.srem("h", ...range(598, String));
    expect(await encoding("h")).toBe("hashtable");
  });
});

describe("DUMP / RESTORE, COPY, RENAME, MOVE", () => {
  const cases: [string, string[]][] = [
    ["intset", ["1", "-2", "300000", "-9223372036854775808"]],
    ["small", ["a", "", "1", "x".repeat(60)]],
    ["large", range(700, (i) => `member-${i}`)],
  ];

  for (const [name, members] of cases) {
    it(`round-trips a ${name} set through DUMP and RESTORE`, async () => {
      await s.r.sadd("src", ...members);
      const before = await encoding("src");
      const payload = await s.r.dumpBuffer("src");
      expect(await s.r.restore("dst", 0, payload)).toBe("OK");
      expect(sorted(await s.r.smembers("dst"))).toEqual([...members].sort());
      expect(await encoding("dst")).toBe(before);
      await s.r.sadd("dst", "extra");
      expect(await s.r.sismember("src", "extra")).toBe(0);
    });

    it(`copies a ${name} set independently`, async () => {
      await s.r.sadd("src", ...members);
      expect(await s.r.copy("src", "dst")).toBe(1);
      await s.r.srem("src", members[0]);
      expect(sorted(await s.r.smembers("dst"))).toEqual([...members].sort());
      expect(await encoding("dst")).toBe(await encoding("src"));
      expect(await s.r.scard("src")).toBe(members.length - 1);
    });
  }

  it("renames and moves sets", async () => {
    await s.r.sadd("a", "x", "y");
    expect(await s.r.rename("a", "b")).toBe("OK");
    expect(sorted(await s.r.smembers("b"))).toEqual(["x", "y"]);
    expect(await s.r.move("b", 1)).toBe(1);
    const db1 = s.client({ db: 1 });
    expect(sorted(await db1.smembers("b"))).toEqual(["x", "y"]);
    await db1.sadd("b", "z");
    expect(await db1.scard("b")).toBe(3);
    await db1.flushdb();
  });
});
