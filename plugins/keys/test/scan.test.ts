// KEYS, SCAN and RANDOMKEY walk a whole database, so each test takes a database of its own.
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const s = useServer();

async function scanAll(db: Redis, ...options: (string | number)[]): Promise<string[]> {
  const seen = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = (await db.call("scan", cursor, ...options)) as [string, string[]];
    expect(next).toMatch(/^\d+$/);
    for (const k of keys) seen.add(k);
    cursor = next;
  } while (cursor !== "0");
  return [...seen].sort();
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("KEYS", () => {
  it("matches glob patterns", async () => {
    const db = s.client({ db: 1 });
    await db.mset("hello", 1, "hallo", 2, "hxllo", 3, "heeello", 4, "h*llo", 5, "other", 6);
    const keys = async (pattern: string) => ((await db.keys(pattern)) as string[]).sort();
    expect(await keys("*")).toEqual(["h*llo", "hallo", "heeello", "hello", "hxllo", "other"]);
    expect(await keys("h?llo")).toEqual(["h*llo", "hallo", "hello", "hxllo"]);
    expect(await keys("h*llo")).toEqual(["h*llo", "hallo", "heeello", "hello", "hxllo"]);
    expect(await keys("h[ae]llo")).toEqual(["hallo", "hello"]);
    expect(await keys("h[^e]llo")).toEqual(["h*llo", "hallo", "hxllo"]);
    expect(await keys("h[a-b]llo")).toEqual(["hallo"]);
    expect(await keys("h\\*llo")).toEqual(["h*llo"]);
    expect(await keys("nomatch*")).toEqual([]);
  });

  it("an empty pattern matches only the empty name", async () => {
    const db = s.client({ db: 8 });
    await db.mset("", "empty", "x", "1");
    expect(await db.keys("")).toEqual([""]);
    expect(await scanAll(db, "MATCH", "")).toEqual([""]);
    await db.del("");
    expect(await db.keys("")).toEqual([]);
  });

  // Thousands of names are far more than the host's first result buffer holds, so this checks its growth.
  it("answers every key of a large database, and SCAN does with a COUNT past 32 bits", async () => {
    const db = s.client({ db: 9 });
    const all = names("many:", 5000);
    await db.mset(...all.flatMap((k) => [k, "v"]));
    expect(((await db.keys("*")) as string[]).sort()).toEqual([...all].sort());
    const [cursor, keys] = (await db.call("scan", "0", "COUNT", "9999999999")) as [string, string[]];
    expect(cursor).toBe("0");
    expect(keys.sort()).toEqual([...all].sort());
  });

  it("skips expired keys", async () => {
    const db = s.client({ db: 2 });
    await db.set("live", "v");
    await db.set("dead", "v", "PX", 1);
    await sleep(20);
    expect(await db.keys("*")).toEqual(["live"]);
  });
});

describe("SCAN", () => {
  it("returns every key across cursors", async () => {
    const db = s.client({ db: 3 });
    const all = names("scan:", 300);
    await db.mset(...all.flatMap((k) => [k, "v"]));
    expect(await scanAll(db)).toEqual([...all].sort());
    expect(await scanAll(db, "COUNT", 7)).toEqual([...all].sort());
  });

  it("filters by MATCH and TYPE", async () => {
    const db = s.client({ db: 4 });
    await db.mset(...names("a:", 50).flatMap((k) => [k, "v"]), ...names("b:", 50).flatMap((k) => [k, "v"]));
    expect(await scanAll(db, "MATCH", "a:1*")).toEqual(["a:1", ...names("a:1", 10)].sort());
    expect(await scanAll(db, "match", "*", "count", 1000)).toHaveLength(100);
    expect(await scanAll(db, "TYPE", "string", "MATCH", "b:4?")).toEqual(names("b:4", 10).sort());
    expect(await scanAll(db, "type", "STRING", "MATCH", "a:?")).toEqual(names("a:", 10).sort());
    expect(await scanAll(db, "TYPE", "hash")).toEqual([]);
    expect(await scanAll(db, "TYPE", "nosuchtype")).toEqual([]);
  });

  it("tells types apart with TYPE", async () => {
    const db = s.client({ db: 10 });
    await db.set("s", "v");
    await otherTypeKey(db, "o");
    expect(await scanAll(db, "TYPE", "string")).toEqual(["s"]);
    expect(await scanAll(db, "TYPE", "list")).toEqual(["o"]);
    expect(await scanAll(db)).toEqual(["o", "s"]);
  });

  it("answers a complete empty scan on an empty database", async () => {
    expect(await s.client({ db: 5 }).call("scan", "0")).toEqual(["0", []]);
  });

  it("rejects a bad cursor before anything else", async () => {
    for (const bad of ["abc", "1.5", " 1", "18446744073709551616"])
      expect(await errorOf(s.r.call("scan", bad, "COUNT", 0))).toBe("ERR invalid cursor");
  });

  it("rejects bad options", async () => {
    const syntax = "ERR syntax error";
    expect(await errorOf(s.r.call("scan", "0", "COUNT", "0"))).toBe(syntax);
    expect(await errorOf(s.r.call("scan", "0", "COUNT", "-1"))).toBe(syntax);
    expect(await errorOf(s.r.call("scan", "0", "COUNT"))).toBe(syntax);
    expect(await errorOf(s.r.call("scan", "0", "MATCH"))).toBe(syntax);
    expect(await errorOf(s.r.call("scan", "0", "foo", "bar"))).toBe(syntax);
    expect(await errorOf(s.r.call("scan", "0", "COUNT", "x"))).toBe("ERR value is not an integer or out of range");
  });
});

describe("RANDOMKEY", () => {
  it("answers null on an empty database", async () => {
    expect(await s.client({ db: 6 }).randomkey()).toBe(null);
  });

  it("answers one of the keys, eventually each of them", async () => {
    const db = s.client({ db: 7 });
    await db.mset("r:a", 1, "r:b", 2, "r:c", 3);
    const seen = new Set<string>();
    for (let i = 0; i < 200 && seen.size < 3; i++) seen.add((await db.randomkey()) as string);
    expect([...seen].sort()).toEqual(["r:a", "r:b", "r:c"]);
  });
});
