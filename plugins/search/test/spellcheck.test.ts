// FT.SPELLCHECK through node-redis (RESP2 parsed, RESP3 raw): suggestions from the index's terms within
// DISTANCE edits, scored by the share of documents holding them, with INCLUDE and EXCLUDE dictionaries.
import { SCHEMA_FIELD_TYPE } from "redis";
import { beforeAll, expect, it } from "vitest";
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer } from "../../../test/helpers/server.js";
import { spellCheck } from "./replies.js";

const server = useServer([]);
const clients = useNodeRedis(server);
let c: NodeRedis;
let c3: NodeRedis;

beforeAll(async () => {
  ({ c, c3 } = clients);
  await c.ft.create("sc", { body: SCHEMA_FIELD_TYPE.TEXT }, { ON: "HASH", PREFIX: "sc:" });
  await c.hSet("sc:1", "body", "hello world");
  await c.hSet("sc:2", "body", "hello there");
  await c.hSet("sc:3", "body", "help wanted");
  await c.hSet("sc:4", "body", "yellow");
});

it("suggests index terms within one edit, best represented first, and skips known words", async () => {
  expect(await spellCheck(c, "sc", "hellp world")).toEqual([
    { term: "hellp", suggestions: [{ score: 0.5, suggestion: "hello" }, { score: 0.25, suggestion: "help" }] },
  ]);
  expect(await spellCheck(c, "sc", "world")).toEqual([]);
  expect(await spellCheck(c, "sc", "zzzzz")).toEqual([{ term: "zzzzz", suggestions: [] }]);
});

it("widens with DISTANCE and reads INCLUDE and EXCLUDE dictionaries", async () => {
  const far = await spellCheck(c, "sc", "jellow", { DISTANCE: 2 });
  expect(far[0].suggestions.map((s) => s.suggestion).sort()).toEqual(["hello", "yellow"]);
  await c.ft.dictAdd("extra", ["hellp"]);
  expect(await spellCheck(c, "sc", "hellp", { TERMS: { mode: "EXCLUDE", dictionary: "extra" } })).toEqual([]);
  await c.ft.dictAdd("words", ["hellop"]);
  const incl = await spellCheck(c, "sc", "hellp", { TERMS: { mode: "INCLUDE", dictionary: "words" } });
  expect(incl[0].suggestions).toEqual([{ score: 0.5, suggestion: "hello" }, { score: 0.25, suggestion: "help" }, { score: 0, suggestion: "hellop" }]);
});

it("answers RESP3 with a results map, and refuses bad options", async () => {
  expect(await c3.sendCommand(["FT.SPELLCHECK", "sc", "wrld"])).toEqual({ results: { wrld: [{ world: 0.25 }] } });
  await expect(c.sendCommand(["FT.SPELLCHECK", "sc", "x", "DISTANCE", "9"])).rejects.toThrow("bad distance given, distance must be a natural number between 1 to 4");
  await expect(c.sendCommand(["FT.SPELLCHECK", "sc", "x", "TERMS", "INCLUDE", "nodict"])).rejects.toThrow("Dict does not exist: nodict");
  await expect(c.sendCommand(["FT.SPELLCHECK", "nosuch", "x"])).rejects.toThrow("nosuch: no such index");
});
