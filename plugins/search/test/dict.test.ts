// FT.DICTADD / DICTDEL / DICTDUMP through node-redis's @redis/search, RESP2 and RESP3.
import { beforeAll, expect, it } from "vitest";
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([]);
const clients = useNodeRedis(server);
let c: NodeRedis;
let c3: NodeRedis;

beforeAll(async () => {
  ({ c, c3 } = clients);
});

it("adds terms once each, dumps them in byte order, deletes them", async () => {
  expect(await c.ft.dictAdd("d1", ["zebra", "apple", "Mango", "apple"])).toBe(3);
  expect(await c.ft.dictAdd("d1", ["apple", "kiwi"])).toBe(1);
  expect(await c.ft.dictDump("d1")).toEqual(["Mango", "apple", "kiwi", "zebra"]);
  expect(await c3.sendCommand(["FT.DICTDUMP", "d1"])).toEqual(["Mango", "apple", "kiwi", "zebra"]); // a RESP3 set, as node-redis maps it
  expect(await c.ft.dictDel("d1", ["apple", "nope"])).toBe(1);
  expect(await c.ft.dictDump("d1")).toEqual(["Mango", "kiwi", "zebra"]);
});

it("drops a dictionary once empty; a missing one dumps empty and deletes nothing", async () => {
  await c.ft.dictAdd("d2", ["only"]);
  expect(await c.ft.dictDel("d2", ["only"])).toBe(1);
  expect(await c.ft.dictDump("d2")).toEqual([]);
  expect(await c.ft.dictDel("d2", ["only"])).toBe(0);
  expect(await c.ft.dictDump("never")).toEqual([]);
});

it("refuses a wrong argument count with Redis's arity error", async () => {
  await expect(c.sendCommand(["FT.DICTADD", "d3"])).rejects.toThrow("wrong number of arguments for 'ft.dictadd' command");
  await expect(c.sendCommand(["FT.DICTDUMP"])).rejects.toThrow("wrong number of arguments");
});
