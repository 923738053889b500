// GEOADD, GEOPOS, GEODIST, GEOHASH and the searches on Redis's Sicily example, with the exact texts
// redis-server 7.0 replies (the file passes against it with TEST_AGAINST=redis).
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const sicily = () => s.r.geoadd("Sicily", 13.361389, 38.115556, "Palermo", 15.087269, 37.502669, "Catania");
const PALERMO = ["13.36138933897018433", "38.11555639549629859"];
const CATANIA = ["15.08726745843887329", "37.50266842333162032"];

describe("GEOADD", () => {
  it("stores positions as a sorted set scored by 52-bit geohash", async () => {
    expect(await sicily()).toBe(2);
    expect(await s.r.type("Sicily")).toBe("zset");
    expect(await s.r.zrange("Sicily", 0, -1, "WITHSCORES")).toEqual(["Palermo", "3479099956230698", "Catania", "3479447370796909"]);
  });

  it("honours NX, XX and CH", async () => {
    await sicily();
    expect(await s.r.geoadd("Sicily", "NX", 1, 1, "Palermo", 2, 2, "new")).toBe(1);
    expect(await s.r.geopos("Sicily", "Palermo")).toEqual([PALERMO]);
    expect(await s.r.geoadd("Sicily", "XX", "CH", 1, 1, "Palermo", 3, 3, "absent")).toBe(1);
    expect(await s.r.geopos("Sicily", "absent")).toEqual([null]);
    expect(await s.r.geoadd("Sicily", "CH", 1, 1, "Palermo", 3, 3, "other")).toBe(1);
    expect(await s.r.geoadd("none", "XX", 1, 1, "a")).toBe(0);
    expect(await s.r.exists("none")).toBe(0);
  });

  it("refuses bad positions and options with Redis's errors", async () => {
    expect(await errorOf(s.r.call("GEOADD", "k", "200", "1", "a"))).toBe("ERR invalid longitude,latitude pair 200.000000,1.000000");
    expect(await errorOf(s.r.call("GEOADD", "k", "1", "85.06", "a"))).toBe("ERR invalid longitude,latitude pair 1.000000,85.060000");
    expect(await errorOf(s.r.call("GEOADD", "k", "-inf", "1", "a"))).toBe("ERR invalid longitude,latitude pair -inf,1.000000");
    expect(await errorOf(s.r.call("GEOADD", "k", "1e40", "0", "a"))).toBe(
      "ERR invalid longitude,latitude pair 10000000000000000303786028427003666890752.000000,0.000000");
    expect(await errorOf(s.r.call("GEOADD", "k", "1", "x", "a"))).toBe("ERR value is not a valid float");
    expect(await errorOf(s.r.call("GEOADD", "k", "NX", "XX", "1", "2", "a"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("GEOADD", "k", "1", "2", "a", "3"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("GEOADD", "k", "CH", "NX", "CH"))).toBe("ERR syntax error");
    // A bad position is found before the key's type.
    await otherTypeKey(s.r, "list");
    expect(await errorOf(s.r.call("GEOADD", "list", "1", "100", "a"))).toBe("ERR invalid longitude,latitude pair 1.000000,100.000000");
    expect(await errorOf(s.r.geoadd("list", 1, 2, "a"))).toBe(WRONGTYPE);
    expect(await s.r.exists("k")).toBe(0);
  });
});

describe("GEOPOS, GEODIST, GEOHASH", () => {
  it("decode positions, with nulls for missing members and keys", async () => {
    await sicily();
    expect(await s.r.geopos("Sicily", "Palermo", "Catania", "nope")).toEqual([PALERMO, CATANIA, null]);
    expect(await s.r.geopos("none", "a")).toEqual([null]);
    const [resp2, resp3] = await Promise.all([2, 3].map((p) => rawReplies(s.port, p as 2 | 3, ["GEOPOS", "Sicily", "nope", "Palermo"])));
    expect(resp2[0]).toBe("*2\r\n*-1\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n");
    expect(resp3[0]).toMatch(/^\*2\r\n_\r\n\*2\r\n,13\.361389338970184\d*\r\n,38\.115556395496\d*\r\n$/);
  });

  it("measures distances in every unit with 4 decimals", async () => {
    await sicily();
    expect(await s.r.geodist("Sicily", "Palermo", "Catania")).toBe("166274.1516");
    expect(await s.r.geodist("Sicily", "Palermo", "Catania", "KM")).toBe("166.2742");
    // Units are case-insensitive: the lower-case spellings go through call(), which ioredis does not type.
    expect(await s.r.call("GEODIST", "Sicily", "Palermo", "Catania", "mi")).toBe("103.3182");
    expect(await s.r.call("GEODIST", "Sicily", "Palermo", "Catania", "ft")).toBe("545518.8700");
    expect(await s.r.geodist("Sicily", "Palermo", "Palermo")).toBe("0.0000");
    expect(await s.r.geodist("Sicily", "Palermo", "nope")).toBe(null);
    expect(await s.r.geodist("none", "a", "b")).toBe(null);
    expect(await errorOf(s.r.call("GEODIST", "none", "a", "b", "yards"))).toBe("ERR unsupported unit provided. please use M, KM, FT, MI");
    expect(await errorOf(s.r.call("GEODIST", "Sicily", "a", "b", "m", "x"))).toBe("ERR syntax error");
  });

  it("gives the 11-character standard geohash", async () => {
    await sicily();
    expect(await s.r.geohash("Sicily", "Palermo", "Catania", "nope")).toEqual(["sqc8b49rny0", "sqdtr74hyu0", null]);
    expect(await s.r.geohash("none", "a")).toEqual([null]);
  });

  it("decode whatever score ZADD gave a member, as C's casts do", async () => {
    await s.r.zadd("w", -1, "neg", "1e300", "huge", "-inf", "minf", 1.5, "frac", "18446744073709551616", "two64");
    expect(await s.r.geopos("w", "neg", "huge", "minf", "frac", "two64")).toEqual([
      ["180", "85.0511287799999991"],
      ["-179.99999731779098511", "-85.05112751263942528"],
      ["180", "-85.05112751263942528"],
      ["-179.99999731779098511", "-85.05112497791824921"],
      ["-179.99999731779098511", "-85.05112751263942528"],
    ]);
    expect(await s.r.geohash("w", "neg", "frac")).toEqual(["bp05b5048p0", "00bh0hbj210"]);
  });

  it("refuse keys of another type", async () => {
    await otherTypeKey(s.r, "list");
    for (const args of [["GEOPOS", "list", "a"], ["GEODIST", "list", "a", "b"], ["GEOHASH", "list", "a"]]) {
      expect(await errorOf(s.r.call(args[0], ...args.slice(1)))).toBe(WRONGTYPE);
    }
  });
});

describe("GEOSEARCH and GEORADIUS*", () => {
  it("find members by radius and box, with distances, hashes and coordinates", async () => {
    await sicily();
    await s.r.geoadd("Sicily", 12.758489, 38.788135, "edge1", 17.241510, 38.788135, "edge2");
    expect(await s.r.call("GEORADIUS", "Sicily", "15", "37", "200", "km", "WITHDIST", "WITHCOORD", "WITHHASH", "ASC")).toEqual([
      ["Catania", "56.4413", 3479447370796909, CATANIA],
      ["Palermo", "190.4424", 3479099956230698, PALERMO],
    ]);
    expect(await s.r.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYBOX", "400", "400", "km", "ASC", "WITHDIST")).toEqual([
      ["Catania", "56.4413"], ["Palermo", "190.4424"], ["edge2", "279.7403"], ["edge1", "279.7405"],
    ]);
    expect(await s.r.call("GEOSEARCH", "Sicily", "FROMMEMBER", "Palermo", "BYRADIUS", "200", "km", "DESC")).toEqual(["Catania", "edge1", "Palermo"]);
    expect(await s.r.call("GEORADIUSBYMEMBER_RO", "Sicily", "Palermo", "100", "km", "WITHDIST")).toEqual([["Palermo", "0.0000"], ["edge1", "91.4007"]]);
    expect(await s.r.call("GEORADIUS_RO", "Sicily", "15", "37", "500", "km", "COUNT", "2", "DESC")).toEqual(["edge1", "edge2"]);
    expect(await s.r.call("GEOSEARCH", "Sicily", "FROMLONLAT", "15", "37", "BYRADIUS", "500", "km", "COUNT", "1", "ANY")).toHaveLength(1);
    expect(await s.r.call("GEOSEARCH", "Sicily", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km")).toEqual([]);
    expect(await s.r.call("GEOSEARCH", "none", "FROMMEMBER", "x", "BYRADIUS", "1", "km")).toEqual([]);
  });

  it("store results scored by geohash or by distance in the unit", async () => {
    await sicily();
    expect(await s.r.call("GEORADIUS", "Sicily", "15", "37", "200", "km", "STORE", "dst")).toBe(2);
    expect(await s.r.zrange("dst", 0, -1, "WITHSCORES")).toEqual(["Palermo", "3479099956230698", "Catania", "3479447370796909"]);
    expect(await s.r.call("GEORADIUSBYMEMBER", "Sicily", "Palermo", "200", "km", "STOREDIST", "dst")).toBe(2);
    expect(await s.r.zrange("dst", 0, -1, "WITHSCORES")).toEqual(["Palermo", "0", "Catania", "166.27415156960032"]);
    expect(await s.r.call("GEOSEARCHSTORE", "dst", "Sicily", "FROMLONLAT", "15", "37", "BYBOX", "400", "400", "km", "COUNT", "1", "STOREDIST")).toBe(1);
    // Compared as numbers: Redis 7.0 prints scores with %.17g, Ferrite as 7.2 does (shortest round trip).
    expect((await s.r.zrange("dst", 0, -1, "WITHSCORES")).map((v, i) => (i % 2 ? Number(v) : v))).toEqual(["Catania", 56.4412578701582]);
    // No result, or no source: the destination is deleted.
    expect(await s.r.call("GEOSEARCHSTORE", "dst", "Sicily", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    await s.r.set("dst", "x");
    expect(await s.r.call("GEORADIUSBYMEMBER", "none", "x", "1", "m", "STORE", "dst")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    // The source may be the destination.
    expect(await s.r.call("GEORADIUS", "Sicily", "15", "37", "100", "km", "STORE", "Sicily")).toBe(1);
    expect(await s.r.zrange("Sicily", 0, -1)).toEqual(["Catania"]);
  });

  it("refuse bad arguments with Redis's errors, in Redis's order", async () => {
    await sicily();
    const e = (...args: string[]) => errorOf(s.r.call(args[0], ...args.slice(1)));
    expect(await e("GEOSEARCH", "Sicily", "FROMMEMBER", "nope", "BYRADIUS", "1", "km")).toBe("ERR could not decode requested zset member");
    expect(await e("GEORADIUSBYMEMBER", "Sicily", "nope", "1", "km")).toBe("ERR could not decode requested zset member");
    expect(await e("GEOSEARCH", "Sicily", "BYRADIUS", "1", "km", "ASC", "WITHDIST")).toBe("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for GEOSEARCH");
    expect(await e("geosearch", "Sicily", "FROMLONLAT", "1", "2", "ASC", "WITHDIST")).toBe("ERR exactly one of BYRADIUS and BYBOX can be specified for geosearch");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "FROMMEMBER", "Palermo", "BYRADIUS", "1", "km")).toBe("ERR syntax error");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km", "ANY")).toBe("ERR the ANY argument requires COUNT argument");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km", "COUNT", "0")).toBe("ERR COUNT must be > 0");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km", "COUNT", "x")).toBe("ERR value is not an integer or out of range");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "-1", "km")).toBe("ERR radius cannot be negative");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "x", "km")).toBe("ERR need numeric radius");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "yd")).toBe("ERR unsupported unit provided. please use M, KM, FT, MI");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYBOX", "1", "-1", "km")).toBe("ERR height or width cannot be negative");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYBOX", "w", "1", "km")).toBe("ERR need numeric width");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYBOX", "1", "h", "km")).toBe("ERR need numeric height");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "181", "2", "BYBOX", "1", "1", "km")).toBe("ERR invalid longitude,latitude pair 181.000000,2.000000");
    expect(await e("GEOSEARCH", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km", "STOREDIST")).toBe("ERR syntax error");
    expect(await e("GEOSEARCHSTORE", "d", "Sicily", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km", "WITHDIST")).toBe(
      "ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
    expect(await e("GEORADIUS", "Sicily", "1", "2", "3", "km", "STORE", "d", "WITHHASH")).toBe(
      "ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
    expect(await e("GEORADIUS_RO", "Sicily", "1", "2", "3", "km", "STORE", "d")).toBe("ERR syntax error");
    expect(await e("GEORADIUS", "Sicily", "1", "2", "3", "km", "FROMLONLAT", "1", "2")).toBe("ERR syntax error");
    await otherTypeKey(s.r, "list");
    expect(await e("GEORADIUS", "list", "1000", "2", "3", "km")).toBe(WRONGTYPE);
    expect(await e("GEOSEARCH", "list", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "km")).toBe(WRONGTYPE);
  });
});
