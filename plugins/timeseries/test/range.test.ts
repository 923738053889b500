// TS.RANGE and TS.REVRANGE through node-redis: every aggregator on one small data set whose buckets are
// worked out by hand, empty buckets, alignment, bucket timestamps, filters, COUNT, and errors.
import { describe, expect, it } from "vitest";
import { useTsClients } from "./clients.js";

const t = useTsClients();

// Buckets of 10: [0,10) holds 1, 3, 7; [10,20) holds 10, 20; [20,30) is empty; [30,40) holds 5.
const DATA: [number, number][] = [[1, 1], [3, 3], [7, 7], [12, 10], [18, 20], [31, 5]];

async function seed(key = "s", encoding: "COMPRESSED" | "UNCOMPRESSED" = "COMPRESSED"): Promise<void> {
  await t.c.ts.create(key, { ENCODING: encoding });
  for (const [ts, v] of DATA) await t.c.ts.add(key, ts, v);
}

async function agg(type: string, extra: string[] = [], key = "s"): Promise<[number, number][]> {
  const reply = (await t.c.sendCommand(["TS.RANGE", key, "-", "+", ...extra, "AGGREGATION", type, "10"])) as [number, string][];
  return reply.map(([ts, v]) => [ts, Number(v)]);
}

describe("aggregators", () => {
  const expected: Record<string, [number, number][]> = {
    avg: [[0, 11 / 3], [10, 15], [30, 5]],
    sum: [[0, 11], [10, 30], [30, 5]],
    min: [[0, 1], [10, 10], [30, 5]],
    max: [[0, 7], [10, 20], [30, 5]],
    range: [[0, 6], [10, 10], [30, 0]],
    count: [[0, 3], [10, 2], [30, 1]],
    first: [[0, 1], [10, 10], [30, 5]],
    last: [[0, 7], [10, 20], [30, 5]],
    "var.p": [[0, 56 / 9], [10, 25], [30, 0]],
    "var.s": [[0, 28 / 3], [10, 50], [30, 0]],
    "std.p": [[0, Math.sqrt(56 / 9)], [10, 5], [30, 0]],
    "std.s": [[0, Math.sqrt(28 / 3)], [10, Math.sqrt(50)], [30, 0]],
    countnan: [[0, 0], [10, 0], [30, 0]],
    countall: [[0, 3], [10, 2], [30, 1]],
    // [0,10): trapezoids 1→3→7 (area 24) then on to 8.8 at 10, on the line to (12, 10): 47.7 over 9 ms.
    // [10,20): 8.8 at 10, trapezoids through 10 and 20, on to 17.69… at 20 (toward (31, 5)): over 10 ms.
    // [30,40): one sample, but the line from the previous one (18, 20) gives 6.15… at 30: (6.15… + 5) / 2.
    twa: [[0, 5.3], [10, (18.8 + 90 + (20 + 20 - 30 / 13)) / 10], [30, (20 - (15 * 12) / 13 + 5) / 2]],
  };
  for (const encoding of ["COMPRESSED", "UNCOMPRESSED"] as const) {
    it(`computes every aggregator per bucket (${encoding.toLowerCase()})`, async () => {
      await seed("s", encoding);
      for (const [type, want] of Object.entries(expected)) {
        const got = await agg(type.toUpperCase());
        expect(got.map(([ts]) => ts), type).toEqual(want.map(([ts]) => ts));
        got.forEach(([, v], i) => {
          expect(v, `${type} bucket ${i}`).toBeCloseTo(want[i][1], 10);
        });
      }
    });
  }

  it("counts NaN samples with COUNTNAN and COUNTALL only", async () => {
    await t.c.ts.create("n");
    for (const [ts, v] of [[1, "1"], [2, "nan"], [3, "3"]]) await t.c.sendCommand(["TS.ADD", "n", String(ts), String(v)]);
    expect(await agg("COUNTNAN", [], "n")).toEqual([[0, 1]]);
    expect(await agg("COUNTALL", [], "n")).toEqual([[0, 3]]);
    expect(await agg("AVG", [], "n")).toEqual([[0, 2]]);
  });

  it("reports empty buckets with EMPTY (0 for sums and counts, NaN else, the previous value for LAST)", async () => {
    await seed();
    const send = (type: string) => t.c.sendCommand(["TS.RANGE", "s", "-", "+", "AGGREGATION", type, "10", "EMPTY"]);
    expect(await send("SUM")).toEqual([[0, "11"], [10, "30"], [20, "0"], [30, "5"]]);
    expect(await send("COUNT")).toEqual([[0, "3"], [10, "2"], [20, "0"], [30, "1"]]);
    expect(await send("AVG")).toEqual([[0, "3.6666666666666665"], [10, "15"], [20, "nan"], [30, "5"]]);
    expect(await send("LAST")).toEqual([[0, "7"], [10, "20"], [20, "20"], [30, "5"]]);
  });
});

describe("buckets and filters", () => {
  it("aligns buckets and reports their start, end or middle", async () => {
    await seed();
    const r = await t.c.ts.range("s", "-", "+", { ALIGN: 5, AGGREGATION: { type: "COUNT", timeBucket: 10 } });
    expect(r).toEqual([{ timestamp: 0, value: 2 }, { timestamp: 5, value: 2 }, { timestamp: 15, value: 1 }, { timestamp: 25, value: 1 }]);
    const start = await t.c.ts.range("s", 3, 40, { ALIGN: "start", AGGREGATION: { type: "COUNT", timeBucket: 10 } });
    expect(start).toEqual([{ timestamp: 3, value: 3 }, { timestamp: 13, value: 1 }, { timestamp: 23, value: 1 }]);
    const high = await t.c.ts.range("s", "-", "+", { AGGREGATION: { type: "SUM", timeBucket: 10, BUCKETTIMESTAMP: "+" } });
    expect(high.map((s) => s.timestamp)).toEqual([10, 20, 40]);
    const mid = await t.c.ts.range("s", "-", "+", { AGGREGATION: { type: "SUM", timeBucket: 10, BUCKETTIMESTAMP: "~" } });
    expect(mid.map((s) => s.timestamp)).toEqual([5, 15, 35]);
  });

  it("filters by timestamps and values before aggregating, and limits with COUNT", async () => {
    await seed();
    expect(await t.c.ts.range("s", "-", "+", { FILTER_BY_TS: [1, 12, 31, 99] })).toEqual([{ timestamp: 1, value: 1 }, { timestamp: 12, value: 10 }, { timestamp: 31, value: 5 }]);
    expect((await t.c.ts.range("s", "-", "+", { FILTER_BY_VALUE: { min: 3, max: 10 } })).map((s) => s.value)).toEqual([3, 7, 10, 5]);
    expect(await t.c.ts.range("s", "-", "+", { FILTER_BY_VALUE: { min: 3, max: 10 }, AGGREGATION: { type: "SUM", timeBucket: 10 } })).toEqual([{ timestamp: 0, value: 10 }, { timestamp: 10, value: 10 }, { timestamp: 30, value: 5 }]);
    expect(await t.c.ts.range("s", 2, 12)).toEqual([{ timestamp: 3, value: 3 }, { timestamp: 7, value: 7 }, { timestamp: 12, value: 10 }]);
    expect(await t.c.ts.range("s", "-", "+", { COUNT: 2 })).toEqual([{ timestamp: 1, value: 1 }, { timestamp: 3, value: 3 }]);
    expect(await t.c.sendCommand(["TS.RANGE", "s", "-", "+", "AGGREGATION", "COUNT", "10", "COUNT", "1"])).toEqual([[0, "3"]]);
  });

  it("reverses with TS.REVRANGE, COUNT counting from the newest", async () => {
    await seed();
    expect(await t.c.ts.revRange("s", "-", "+", { COUNT: 2 })).toEqual([{ timestamp: 31, value: 5 }, { timestamp: 18, value: 20 }]);
    expect(await t.c.ts.revRange("s", "-", "+", { AGGREGATION: { type: "MAX", timeBucket: 10 } })).toEqual([{ timestamp: 30, value: 5 }, { timestamp: 10, value: 20 }, { timestamp: 0, value: 7 }]);
    expect(await t.c.ts.revRange("s", 100, 200)).toEqual([]);
  });

  it("answers RedisTimeSeries's errors for bad options", async () => {
    await seed();
    const errors: [string[], string][] = [
      [["-", "+", "AGGREGATION", "median", "10"], "ERR TSDB: Unknown aggregation type"],
      [["-", "+", "AGGREGATION", "avg", "0"], "ERR TSDB: bucketDuration must be greater than zero"],
      [["-", "+", "AGGREGATION", "avg"], "ERR TSDB: Couldn't parse AGGREGATION"],
      [["-", "+", "ALIGN", "5"], "ERR TSDB: ALIGN parameter can only be used with AGGREGATION"],
      [["-", "+", "ALIGN", "start", "AGGREGATION", "avg", "10"], "ERR TSDB: start alignment can only be used with explicit start timestamp"],
      [["0", "+", "ALIGN", "end", "AGGREGATION", "avg", "10"], "ERR TSDB: end alignment can only be used with explicit end timestamp"],
      [["-", "+", "ALIGN", "middle", "AGGREGATION", "avg", "10"], "ERR TSDB: unknown ALIGN parameter"],
      [["-", "+", "COUNT"], "ERR TSDB: COUNT argument is missing"],
      [["-", "+", "COUNT", "many"], "ERR TSDB: Couldn't parse COUNT"],
      [["-", "+", "FILTER_BY_VALUE", "1"], "ERR TSDB: FILTER_BY_VALUE one or more arguments are missing"],
      [["-", "+", "FILTER_BY_VALUE", "x", "2"], "ERR TSDB: Couldn't parse MIN"],
      [["-", "+", "FILTER_BY_TS"], "ERR TSDB: FILTER_BY_TS one or more arguments are missing"],
      [["-", "+", "AGGREGATION", "avg", "10", "BUCKETTIMESTAMP", "late"], "ERR TSDB: unknown BUCKETTIMESTAMP parameter"],
      [["x", "+"], "ERR TSDB: wrong fromTimestamp"],
      [["-", "-1"], "ERR TSDB: wrong toTimestamp"],
    ];
    for (const [args, text] of errors) await expect(t.c.sendCommand(["TS.RANGE", "s", ...args]), args.join(" ")).rejects.toThrow(text);
  });

  it("reads a range out of a long series without decoding the rest (many chunks, both encodings)", async () => {
    for (const encoding of ["COMPRESSED", "UNCOMPRESSED"] as const) {
      const key = `long-${encoding}`;
      await t.c.ts.create(key, { ENCODING: encoding });
      const batch: { key: string; timestamp: number; value: number }[] = [];
      for (let i = 0; i < 20000; i++) batch.push({ key, timestamp: 1_700_000_000_000 + i * 1000, value: (i % 17) - 8 });
      for (let i = 0; i < batch.length; i += 1000) await t.c.ts.mAdd(batch.slice(i, i + 1000));
      const mid = await t.c.ts.range(key, 1_700_000_000_000 + 10000 * 1000, 1_700_000_000_000 + 10004 * 1000);
      expect(mid.map((s) => s.value)).toEqual([10000, 10001, 10002, 10003, 10004].map((i) => (i % 17) - 8));
      const sum = await t.c.ts.range(key, "-", "+", { AGGREGATION: { type: "SUM", timeBucket: 20000 * 1000 } });
      let want = 0;
      for (let i = 0; i < 20000; i++) want += (i % 17) - 8;
      expect(sum[0].value).toBe(want);
    }
  });
});
