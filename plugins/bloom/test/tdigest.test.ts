// TDIGEST.* through node-redis's @redis/bloom in RESP2 and RESP3, on RedisBloom's documented examples,
// with its error texts.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { flush: true });
const connect = useNodeRedis(s);
const SAMPLES = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5];

describe.each([2, 3] as const)("TDIGEST commands over RESP%i (node-redis)", (resp) => {
  it("CREATE, ADD, QUANTILE, CDF, MIN, MAX (RedisBloom's examples)", async () => {
    const c = await connect(resp);
    expect(await c.tDigest.create("t", { COMPRESSION: 1000 })).toBe("OK");
    expect(await c.tDigest.add("t", SAMPLES)).toBe("OK");
    expect(await c.tDigest.quantile("t", [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])).toEqual([1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5]);
    const cdf = await c.tDigest.cdf("t", [0, 1, 2, 3, 4, 5, 6]);
    expect(cdf.map((x) => Number(x.toFixed(12)))).toEqual([0, 0.033333333333, 0.133333333333, 0.3, 0.533333333333, 0.833333333333, 1]);
    expect(await c.tDigest.min("t")).toBe(1);
    expect(await c.tDigest.max("t")).toBe(5);
  });

  it("RANK, REVRANK, BYRANK, BYREVRANK (RedisBloom's examples)", async () => {
    const c = await connect(resp);
    await c.tDigest.create("s", { COMPRESSION: 1000 });
    await c.tDigest.add("s", [10, 20, 30, 40, 50, 60]);
    expect(await c.tDigest.rank("s", [0, 10, 20, 30, 40, 50, 60, 70])).toEqual([-1, 0, 1, 2, 3, 4, 5, 6]);
    expect(await c.tDigest.revRank("s", [0, 10, 20, 30, 40, 50, 60, 70])).toEqual([6, 5, 4, 3, 2, 1, 0, -1]);
    await c.tDigest.create("t", { COMPRESSION: 1000 });
    await c.tDigest.add("t", SAMPLES);
    const ranks = Array.from({ length: 15 }, (_, i) => i);
    expect(await c.tDigest.byRank("t", ranks)).toEqual([1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5]);
    expect(await c.tDigest.byRevRank("t", ranks)).toEqual([5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1]);
    // Past the last rank: inf. (node-redis 5.10 turns a RESP2 "inf" into NaN, whatever the server: read it raw.)
    expect(await c.sendCommand(["TDIGEST.BYRANK", "t", "15"])).toEqual(resp === 2 ? ["inf"] : [Infinity]);
    expect(await c.sendCommand(["TDIGEST.BYREVRANK", "t", "15"])).toEqual(resp === 2 ? ["-inf"] : [-Infinity]);
  });

  it("TRIMMED_MEAN, MERGE, RESET, INFO, and an empty digest", async () => {
    const c = await connect(resp);
    await c.tDigest.create("t");
    await c.tDigest.add("t", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await c.tDigest.trimmedMean("t", 0.1, 0.6)).toBe(4);
    expect(await c.tDigest.trimmedMean("t", 0.3, 0.9)).toBe(6.5);
    expect(await c.tDigest.trimmedMean("t", 0, 1)).toBe(5.5);
    await c.tDigest.create("u", { COMPRESSION: 200 });
    await c.tDigest.add("u", [100, 200]);
    expect(await c.tDigest.merge("m", ["t", "u"])).toBe("OK");
    expect(await c.tDigest.max("m")).toBe(200);
    expect((await c.tDigest.info("m")).Compression).toBe(200); // the largest of the sources'
    expect(await c.tDigest.merge("m", "u", { COMPRESSION: 50, OVERRIDE: true })).toBe("OK");
    expect(await c.tDigest.min("m")).toBe(100);
    expect(await c.tDigest.merge("t", ["t", "u"])).toBe("OK"); // the destination is also a source
    expect((await c.tDigest.info("t")).Observations).toBe(10 + 10 + 2);
    const info = await c.tDigest.info("u");
    expect({ ...info }).toEqual({
      Compression: 200, Capacity: 1210, "Merged nodes": info["Merged nodes"], "Unmerged nodes": info["Unmerged nodes"],
      "Merged weight": info["Merged weight"], "Unmerged weight": info["Unmerged weight"], Observations: 2,
      "Total compressions": info["Total compressions"], "Memory usage": 8 + 1210 * 16,
    });
    expect(await c.tDigest.reset("u")).toBe("OK");
    expect(await c.tDigest.min("u")).toBeNaN();
    expect(await c.tDigest.quantile("u", [0.5])).toEqual([Number.NaN]);
    expect(await c.tDigest.rank("u", [1])).toEqual([-2]);
    expect(await c.tDigest.byRank("u", [1])).toEqual([Number.NaN]);
  });
});

describe("TDIGEST errors (RedisBloom's texts)", () => {
  it("every command", async () => {
    expect(await errorOf(s.r.call("TDIGEST.ADD", "t", "1"))).toBe("ERR T-Digest: key does not exist");
    expect(await errorOf(s.r.call("TDIGEST.CREATE", "t", "FOO", "10"))).toBe("ERR T-Digest: wrong keyword");
    expect(await errorOf(s.r.call("TDIGEST.CREATE", "t", "COMPRESSION", "x"))).toBe("ERR T-Digest: error parsing compression parameter");
    expect(await errorOf(s.r.call("TDIGEST.CREATE", "t", "COMPRESSION", "0"))).toBe("ERR T-Digest: compression parameter needs to be a positive integer");
    await s.r.call("TDIGEST.CREATE", "t");
    expect(await errorOf(s.r.call("TDIGEST.CREATE", "t"))).toBe("ERR T-Digest: key already exists");
    expect(await errorOf(s.r.call("TDIGEST.ADD", "t", "1", "x"))).toBe("ERR T-Digest: error parsing val parameter");
    expect(await errorOf(s.r.call("TDIGEST.ADD", "t", "inf"))).toBe("ERR T-Digest: val parameter needs to be a finite number");
    expect(await s.r.call("TDIGEST.INFO", "t")).toContain("Observations"); // nothing of the refused adds went in
    expect((await s.r.call("TDIGEST.INFO", "t") as unknown[])[13]).toBe(0);
    expect(await errorOf(s.r.call("TDIGEST.QUANTILE", "t", "2"))).toBe("ERR T-Digest: quantile should be in [0,1]");
    expect(await errorOf(s.r.call("TDIGEST.QUANTILE", "t", "x"))).toBe("ERR T-Digest: error parsing quantile");
    expect(await errorOf(s.r.call("TDIGEST.CDF", "t", "x"))).toBe("ERR T-Digest: error parsing cdf");
    expect(await errorOf(s.r.call("TDIGEST.RANK", "t", "x"))).toBe("ERR T-Digest: error parsing value");
    expect(await errorOf(s.r.call("TDIGEST.BYRANK", "t", "-1"))).toBe("ERR T-Digest: rank needs to be non negative");
    expect(await errorOf(s.r.call("TDIGEST.BYRANK", "t", "x"))).toBe("ERR T-Digest: error parsing rank");
    expect(await errorOf(s.r.call("TDIGEST.TRIMMED_MEAN", "t", "0.5", "0.1"))).toBe("ERR T-Digest: low_cut_percentile should be lower than high_cut_percentile");
    expect(await errorOf(s.r.call("TDIGEST.TRIMMED_MEAN", "t", "0", "2"))).toBe("ERR T-Digest: low_cut_percentile and high_cut_percentile should be in [0,1]");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "m", "x", "t"))).toBe("ERR T-Digest: error parsing numkeys");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "m", "0", "t"))).toBe("ERR T-Digest: numkeys needs to be a positive integer");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "m", "3", "t"))).toBe("ERR wrong number of arguments for 'tdigest.merge' command");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "m", "1", "t", "FOO"))).toBe("ERR T-Digest: wrong keyword");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "m", "1", "nope"))).toBe("ERR T-Digest: key does not exist");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("TDIGEST.CREATE", "str"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
    expect(await errorOf(s.r.call("TDIGEST.MERGE", "str", "1", "t"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
  });

  it("TYPE, DUMP / RESTORE, COPY keep buffered and merged samples", async () => {
    await s.r.call("TDIGEST.CREATE", "t", "COMPRESSION", "50");
    await s.r.call("TDIGEST.ADD", "t", ...Array.from({ length: 1000 }, (_, i) => String(i)));
    expect(await s.r.type("t")).toBe("TDIS-TYPE");
    await s.r.restore("r", 0, (await s.r.dumpBuffer("t"))!);
    await s.r.copy("t", "k");
    await s.r.call("TDIGEST.ADD", "t", "5000");
    for (const key of ["r", "k"]) {
      expect(await s.r.call("TDIGEST.INFO", key)).toEqual(await s.r.call("TDIGEST.INFO", "r"));
      expect(await s.r.call("TDIGEST.MAX", key)).toBe("999");
    }
  });
});
