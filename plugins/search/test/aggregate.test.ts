// FT.AGGREGATE through node-redis's @redis/search (RESP2, and RESP3's map reply raw), against an index
// over hashes: every reducer, the expression language's math, string and date functions, FILTER with
// NULL semantics, SORTBY/MAX/LIMIT, WITHCURSOR with FT.CURSOR READ/DEL, and RediSearch's error texts.
import { SCHEMA_FIELD_TYPE } from "redis";
import { beforeAll, describe, expect, it } from "vitest";
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer } from "../../../test/helpers/server.js";
import { aggregate, aggregateWithCursor, cursorRead } from "./replies.js";

const server = useServer([]);
const clients = useNodeRedis(server);
let c: NodeRedis;
let c3: NodeRedis;

const TS = 1700000000; // 2023-11-14T22:13:20Z, a Tuesday

beforeAll(async () => {
  ({ c, c3 } = clients);
  await c.ft.create("items", {
    title: SCHEMA_FIELD_TYPE.TEXT,
    brand: SCHEMA_FIELD_TYPE.TAG,
    price: { type: SCHEMA_FIELD_TYPE.NUMERIC, SORTABLE: true },
    ts: SCHEMA_FIELD_TYPE.NUMERIC,
  }, { ON: "HASH", PREFIX: "item:" });
  const rows: [string, string, number, number][] = [
    ["red shirt", "a", 10, TS],
    ["blue shirt", "a", 20, TS + 3600],
    ["red hat", "a", 30, TS + 86400],
    ["green sock", "b", 5, TS],
    ["blue sock", "b", 15, TS],
  ];
  for (const [i, [title, brand, price, ts]] of rows.entries()) {
    await c.hSet(`item:${i + 1}`, { title, brand, price: String(price), ts: String(ts) });
  }
  await c.hSet("item:6", { title: "plain", brand: "c" }); // no price, no ts
});

/** The aggregate's rows as objects, as node-redis parses them (RESP2). */
async function agg(query: string, options: Parameters<typeof c.ft.aggregate>[2]) {
  return (await aggregate(c, "items", query, options)).results;
}

describe("GROUPBY and REDUCE", () => {
  it("computes every reducer over a group", async () => {
    const reply = await aggregate(c, "items", "@brand:{a}", {
      STEPS: [{
        type: "GROUPBY",
        properties: "@brand",
        REDUCE: [
          { type: "COUNT", AS: "count" },
          { type: "COUNT_DISTINCT", property: "@title", AS: "titles" },
          { type: "COUNT_DISTINCTISH", property: "@title", AS: "titlesish" },
          { type: "SUM", property: "@price", AS: "sum" },
          { type: "AVG", property: "@price", AS: "avg" },
          { type: "MIN", property: "@price", AS: "min" },
          { type: "MAX", property: "@price", AS: "max" },
          { type: "STDDEV", property: "@price", AS: "stddev" },
          { type: "QUANTILE", property: "@price", quantile: 0.5, AS: "median" },
          { type: "TOLIST", property: "@price", AS: "prices" },
          { type: "FIRST_VALUE", property: "@title", BY: { property: "@price", direction: "DESC" }, AS: "dearest" },
          { type: "RANDOM_SAMPLE", property: "@price", sampleSize: 2, AS: "sample" },
        ],
      }],
    });
    expect(reply.total).toBe(1); // one group
    const [row] = reply.results;
    expect({ ...row, sample: undefined }).toEqual({
      brand: "a", count: "3", titles: "3", titlesish: "3", sum: "60", avg: "20", min: "10", max: "30",
      stddev: "10", median: "20", prices: ["10", "20", "30"], dearest: "red hat", sample: undefined,
    });
    expect(row.sample).toHaveLength(2);
    for (const v of row.sample as string[]) expect(["10", "20", "30"]).toContain(v);
  });

  it("names reducers without AS as RediSearch does, and counts groups as the total", async () => {
    const reply = await aggregate(c, "items", "*", {
      STEPS: [
        { type: "GROUPBY", properties: "@brand", REDUCE: [{ type: "COUNT" }, { type: "SUM", property: "@price" }] },
        { type: "SORTBY", BY: "@brand" },
      ],
    });
    expect(reply.total).toBe(3);
    expect(reply.results).toEqual([
      { brand: "a", __generated_aliascount: "3", __generated_aliassumprice: "60" },
      { brand: "b", __generated_aliascount: "2", __generated_aliassumprice: "20" },
      { brand: "c", __generated_aliascount: "1", __generated_aliassumprice: "0" },
    ]);
  });

  it("groups by several properties and by none", async () => {
    expect(await agg("*", {
      LOAD: ["@title"],
      STEPS: [{ type: "APPLY", expression: "split(@title, ' ')", AS: "words" }, { type: "GROUPBY", REDUCE: { type: "COUNT", AS: "n" } }],
    })).toEqual([{ n: "6" }]);
    const rows = await agg("@brand:{b}", {
      STEPS: [{ type: "GROUPBY", properties: ["@brand", "@price"], REDUCE: { type: "COUNT", AS: "n" } }, { type: "SORTBY", BY: { BY: "@price", DIRECTION: "DESC" } }],
    });
    expect(rows).toEqual([{ brand: "b", price: "15", n: "1" }, { brand: "b", price: "5", n: "1" }]);
  });
});

describe("APPLY and FILTER expressions", () => {
  const apply = async (expression: string, query = "@brand:{a}") =>
    (await agg(query, { STEPS: [{ type: "APPLY", expression, AS: "v" }, { type: "SORTBY", BY: "@price" }, { type: "LIMIT", from: 0, size: 1 }] }))[0]?.v;

  it("does arithmetic with RediSearch's precedence and number formatting", async () => {
    expect(await apply("@price * 2 + 1")).toBe("21");
    expect(await apply("(@price + 1) * 2")).toBe("22");
    expect(await apply("@price / 3")).toBe("3.33333333333");
    expect(await apply("@price % 3")).toBe("1");
    expect(await apply("2 ^ 3 ^ 2")).toBe("512");
    expect(await apply("-@price + 4")).toBe("-6");
    expect(await apply("@price > 5 && @price < 20")).toBe("1");
    expect(await apply("!(@price == 10) || @price != 10")).toBe("0");
  });

  it("has the math functions", async () => {
    expect(await apply("log(100)")).toBe("4.60517018599");
    expect(await apply("log2(8)")).toBe("3");
    expect(await apply("exp(1)")).toBe("2.71828182846");
    expect(await apply("sqrt(@price * 10)")).toBe("10");
    expect(await apply("abs(-@price)")).toBe("10");
    expect(await apply("ceil(@price / 3)")).toBe("4");
    expect(await apply("floor(@price / 3)")).toBe("3");
    expect(await apply("sqrt(@title)")).toBe("nan");
  });

  it("has the string functions", async () => {
    expect(await apply("upper(@title)")).toBe("RED SHIRT");
    expect(await apply("lower('MiXeD')")).toBe("mixed");
    expect(await apply("substr(@title, 4, 3)")).toBe("shi");
    expect(await apply("substr(@title, -5, -1)")).toBe("shir");
    expect(await apply("format('%s costs %s%%', @title, @price)")).toBe("red shirt costs 10%");
    expect(await apply("split('a, b,,c')")).toEqual(["a", "b", "c"]);
    expect(await apply("split(@title, ' ')")).toEqual(["red", "shirt"]);
    expect(await apply("strlen(@title)")).toBe("9");
    expect(await apply("contains(@title, 'r')")).toBe("2");
    expect(await apply("startswith(@title, 'red')")).toBe("1");
    expect(await apply("to_number('4.5') * 2")).toBe("9");
    expect(await apply("to_str(@price) + 1")).toBe("11");
    expect(await apply("exists(@title) + exists(@ts)", "@brand:{c}")).toBe("1");
  });

  it("has the date functions, in UTC", async () => {
    expect(await apply("timefmt(@ts)")).toBe("2023-11-14T22:13:20Z");
    expect(await apply("timefmt(@ts, '%Y/%m/%d %H:%M:%S %a %b %j')")).toBe("2023/11/14 22:13:20 Tue Nov 318");
    expect(await apply("parsetime('2023-11-14 22:13:20', '%Y-%m-%d %H:%M:%S')")).toBe(String(TS));
    expect(await apply("day(@ts)")).toBe("1699920000");
    expect(await apply("hour(@ts)")).toBe("1699999200");
    expect(await apply("minute(@ts)")).toBe("1699999980");
    expect(await apply("month(@ts)")).toBe("1698796800");
    expect(await apply("dayofweek(@ts)")).toBe("2");
    expect(await apply("dayofmonth(@ts)")).toBe("14");
    expect(await apply("dayofyear(@ts)")).toBe("317");
    expect(await apply("year(@ts)")).toBe("2023");
    expect(await apply("monthofyear(@ts)")).toBe("10");
    expect(await apply("timefmt('not a time')")).toBeNull();
  });

  it("FILTER keeps the rows whose expression is true, with exists() for missing values", async () => {
    const rows = await agg("*", { LOAD: ["@title"], STEPS: [{ type: "FILTER", expression: "exists(@price) && @price >= 15" }, { type: "SORTBY", BY: "@price" }] });
    expect(rows.map((r) => r.title)).toEqual(["blue sock", "blue shirt", "red hat"]);
    expect(await agg("*", { STEPS: [{ type: "FILTER", expression: "!exists(@price)" }] })).toEqual([{}]); // item:6, no field loaded
    const missing = await agg("*", { LOAD: ["@brand"], STEPS: [{ type: "FILTER", expression: "!exists(@ts)" }] });
    expect(missing).toEqual([{ brand: "c" }]);
  });

  it("fails the whole aggregate on a missing value, as RediSearch 2.8 does", async () => {
    await expect(agg("*", { STEPS: [{ type: "FILTER", expression: "@price > 2" }] }))
      .rejects.toThrow("Could not find the value for a parameter name, consider using EXISTS if applicable for price");
    await expect(agg("*", { STEPS: [{ type: "APPLY", expression: "'x' + 1", AS: "v" }] })).rejects.toThrow("Could not convert value to a number");
  });
});

describe("SORTBY, LIMIT and LOAD", () => {
  it("sorts by several keys, keeps MAX rows, pages with LIMIT", async () => {
    const sorted = await agg("*", { LOAD: ["@title"], STEPS: [{ type: "SORTBY", BY: [{ BY: "@brand", DIRECTION: "DESC" }, { BY: "@price", DIRECTION: "ASC" }], MAX: 3 }] });
    expect(sorted.map((r) => r.title)).toEqual(["plain", "green sock", "blue sock"]);
    const page = await agg("*", { LOAD: ["@title"], STEPS: [{ type: "SORTBY", BY: "@price" }, { type: "LIMIT", from: 1, size: 2 }] });
    expect(page.map((r) => r.title)).toEqual(["green sock", "red shirt"]); // no price sorts first
  });

  it("LOADs fields under other names, and the key", async () => {
    const rows = await agg("@brand:{b}", { LOAD: [{ identifier: "@title", AS: "name" }, "@__key"], STEPS: [{ type: "SORTBY", BY: "@__key" }] });
    expect(rows).toEqual([{ name: "green sock", __key: "item:4" }, { name: "blue sock", __key: "item:5" }]);
  });
});

describe("WITHCURSOR", () => {
  it("reads a result in chunks with FT.CURSOR READ, then deletes a cursor", async () => {
    const first = await aggregateWithCursor(c, "items", "*", { LOAD: ["@title"], COUNT: 4 });
    expect(first.total).toBe(6);
    expect(first.results).toHaveLength(4);
    expect(first.cursor).toBeGreaterThan(0);
    const second = await cursorRead(c, "items", first.cursor);
    expect(second.results).toHaveLength(2);
    expect(second.cursor).toBe(0);
    const titles = [...first.results, ...second.results].map((r) => r.title).sort();
    expect(titles).toEqual(["blue shirt", "blue sock", "green sock", "plain", "red hat", "red shirt"]);
    await expect(cursorRead(c, "items", first.cursor)).rejects.toThrow("Cursor not found");
    const other = await aggregateWithCursor(c, "items", "*", { COUNT: 1 });
    expect(await c.ft.cursorDel("items", other.cursor)).toBe("OK");
    await expect(c.ft.cursorDel("items", other.cursor)).rejects.toThrow("Cursor does not exist");
  });
});

describe("replies and errors", () => {
  it("answers RESP3 with RediSearch's map", async () => {
    const reply = await c3.sendCommand(["FT.AGGREGATE", "items", "@brand:{b}", "GROUPBY", "1", "@brand", "REDUCE", "COUNT", "0", "AS", "n"]);
    expect(reply).toEqual({ // node-redis's objects for RESP3 maps
      attributes: [],
      format: "STRING",
      results: [{ extra_attributes: { brand: "b", n: "2" }, values: [] }],
      total_results: 1,
      warning: [],
    });
  });

  it("refuses bad pipelines with RediSearch's texts, losing nothing", async () => {
    const err = (...args: string[]) => c.sendCommand(["FT.AGGREGATE", "items", "*", ...args]);
    await expect(err("GROUPBY", "1", "brand")).rejects.toThrow("Bad arguments for GROUPBY: Unknown property `brand`. Did you mean `@brand`?");
    await expect(err("GROUPBY", "1", "@brand", "REDUCE", "NOPE", "0")).rejects.toThrow("No such reducer `NOPE`");
    await expect(err("APPLY", "@price +", "AS", "x")).rejects.toThrow("Syntax error at offset");
    await expect(err("APPLY", "nope(1)", "AS", "x")).rejects.toThrow("Unknown function name 'nope'");
    await expect(err("APPLY", "substr('a')", "AS", "x")).rejects.toThrow("Function 'substr' expects 3 arguments, but got 1");
    await expect(err("SORTBY", "1", "@unknown")).rejects.toThrow("Property `unknown` not loaded nor in schema");
    await expect(err("GROUPBY", "1", "@brand", "SORTBY", "1", "@price")).rejects.toThrow("Property `price` not loaded nor in schema");
    await expect(err("LIMIT", "0")).rejects.toThrow("Bad arguments for LIMIT");
    await expect(err("BOGUS")).rejects.toThrow("Unknown argument `BOGUS`");
    await expect(c.sendCommand(["FT.AGGREGATE", "nosuch", "*"])).rejects.toThrow("nosuch: no such index");
    expect((await aggregate(c, "items", "*", {})).total).toBe(6);
  });
});
