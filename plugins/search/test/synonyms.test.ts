// FT.SYNUPDATE / FT.SYNDUMP through node-redis (RESP2 and RESP3), and synonyms in queries: a word
// matches the documents of every term in its groups, whether indexed before or after the update.
import { SCHEMA_FIELD_TYPE } from "redis";
import { beforeAll, expect, it } from "vitest";
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer } from "../../../test/helpers/server.js";
import { aggregate, searchIds } from "./replies.js";

const server = useServer([]);
const clients = useNodeRedis(server);
let c: NodeRedis;
let c3: NodeRedis;

beforeAll(async () => {
  ({ c, c3 } = clients);
  await c.ft.create("syn", { body: SCHEMA_FIELD_TYPE.TEXT }, { ON: "HASH", PREFIX: "s:" });
  await c.hSet("s:1", "body", "a happy child");
  await c.hSet("s:2", "body", "a young boy");
  await c.hSet("s:3", "body", "an old man");
});

const ids = (query: string) => searchIds(c, "syn", query, { DIALECT: 2 });

it("expands query words to their synonym groups", async () => {
  expect(await ids("child")).toEqual(["s:1"]);
  expect(await c.ft.synUpdate("syn", "kids", ["Child", "boy"])).toBe("OK");
  expect(await ids("child")).toEqual(["s:1", "s:2"]);
  expect(await ids("boy")).toEqual(["s:1", "s:2"]);
  expect(await ids("man")).toEqual(["s:3"]);
  await c.hSet("s:4", "body", "a little child");
  expect(await ids("boy")).toEqual(["s:1", "s:2", "s:4"]);
  const agg = await aggregate(c, "syn", "boy", { LOAD: ["@__key"], STEPS: [{ type: "SORTBY", BY: "@__key" }] });
  expect(agg.results.map((r) => r.__key)).toEqual(["s:1", "s:2", "s:4"]);
});

it("dumps each term with its groups, in both protocols", async () => {
  await c.ft.synUpdate("syn", "adults", ["man", "boy"], { SKIPINITIALSCAN: true });
  const dump = await c.ft.synDump("syn");
  expect(Object.keys(dump).sort()).toEqual(["boy", "child", "man"]);
  expect(dump.child).toEqual(["kids"]);
  expect([...dump.boy].sort()).toEqual(["adults", "kids"]);
  const resp3 = (await c3.sendCommand(["FT.SYNDUMP", "syn"])) as Record<string, string[]>;
  expect(resp3.man).toEqual(["adults"]);
  expect(await ids("man")).toEqual(["s:2", "s:3"]);
});

it("refuses an unknown index and forgets the groups with the index", async () => {
  await expect(c.ft.synUpdate("nosuch", "g", ["x"])).rejects.toThrow("Unknown index name");
  await expect(c.ft.synDump("nosuch")).rejects.toThrow("nosuch: no such index");
  await c.ft.dropIndex("syn");
  await c.ft.create("syn", { body: SCHEMA_FIELD_TYPE.TEXT }, { ON: "HASH", PREFIX: "s:" });
  expect(await c.ft.synDump("syn")).toEqual({});
});
