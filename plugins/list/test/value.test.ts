// The list as a value: encodings, large lists across many nodes, and the type callbacks behind DUMP /
// RESTORE, COPY, RENAME and MOVE.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";

const s = useServer([], { flush: true });
const encoding = (key: string) => s.r.call("OBJECT", "ENCODING", key);
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe("large lists", () => {
  it("reads, inserts, sets and removes across many nodes", async () => {
    const items = range(20000, (i) => (i % 3 === 0 ? String(i) : `item:${i}:${"x".repeat(i % 50)}`));
    for (let i = 0; i < items.length; i += 1000) await s.r.rpush("l", ...items.slice(i, i + 1000));
    expect(await s.r.llen("l")).toBe(20000);
    expect(await s.r.lrange("l", 9990, 10009)).toEqual(items.slice(9990, 10010));
    expect(await s.r.lindex("l", -12345)).toBe(items[20000 - 12345]);
    expect(await s.r.linsert("l", "AFTER", items[15000], "y".repeat(3000))).toBe(20001);
    items.splice(15001, 0, "y".repeat(3000));
    await s.r.lset("l", 5000, "z".repeat(9000));
    items[5000] = "z".repeat(9000);
    expect(await s.r.lrem("l", -2, items[300])).toBe(1);
    items.splice(300, 1);
    expect(await s.r.lpos("l", items[17000])).toBe(17000);
    expect(await s.r.lrange("l", 0, -1)).toEqual(items);
    await s.r.ltrim("l", 100, -101);
    expect(await s.r.lrange("l", 0, -1)).toEqual(items.slice(100, -100));
  });
});

describe("encodings", () => {
  it("reports quicklist on Redis 7.0, which has no listpack lists", async () => {
    await s.r.rpush("small", "a");
    expect(["listpack", "quicklist"]).toContain(await encoding("small"));
  });

  // Redis 7.2 (list-max-listpack-size -2): a listpack until 8 KiB, back from a quicklist at half that.
  it.skipIf(against === "redis")("follows Redis 7.2's listpack / quicklist conversions", async () => {
    await s.r.rpush("l", "a", "1", "b");
    expect(await encoding("l")).toBe("listpack");
    await s.r.rpush("l", ...range(90, () => "x".repeat(100)));
    expect(await encoding("l")).toBe("quicklist");
    await s.r.ltrim("l", 0, 50);
    expect(await encoding("l")).toBe("quicklist");
    await s.r.ltrim("l", 0, 30);
    expect(await encoding("l")).toBe("listpack");
    await s.r.rpush("big", "y".repeat(9000));
    expect(await encoding("big")).toBe("quicklist");
    await s.r.lset("big", 0, "small");
    expect(await encoding("big")).toBe("listpack");
  });
});

describe("type callbacks", () => {
  const items = [...range(500, (i) => `e${i}:${"v".repeat(i % 40)}`), "12345", "-7", "y".repeat(10000)];

  it("DUMP / RESTORE round-trips small and large lists", async () => {
    await s.r.rpush("small", "a", "1", "b");
    await s.r.rpush("big", ...items);
    for (const key of ["small", "big"]) {
      const dump = await s.r.dumpBuffer(key);
      expect(await s.r.restore(`${key}:copy`, 0, dump)).toBe("OK");
      expect(await s.r.lrange(`${key}:copy`, 0, -1)).toEqual(await s.r.lrange(key, 0, -1));
      expect(await encoding(`${key}:copy`)).toBe(await encoding(key));
    }
  });

  it("COPY makes an independent list; RENAME and MOVE keep it whole", async () => {
    await s.r.rpush("l", ...items);
    expect(await s.r.copy("l", "c")).toBe(1);
    await s.r.rpush("c", "extra");
    await s.r.lpop("l");
    expect(await s.r.lrange("c", 0, -1)).toEqual([...items, "extra"]);
    expect(await s.r.lrange("l", 0, -1)).toEqual(items.slice(1));
    expect(await s.r.rename("c", "r")).toBe("OK");
    expect(await s.r.llen("r")).toBe(items.length + 1);
    expect(await s.r.move("r", 1)).toBe(1);
    const db1 = s.client({ db: 1 });
    expect(await db1.lrange("r", 0, 2)).toEqual(items.slice(0, 3));
    await db1.flushdb();
  });
});
