// FT.CREATE … FILTER: only documents the expression accepts are indexed, on every write and in the walk
// over existing keys; a bad expression is refused at FT.CREATE.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { searchIds, waitIndexed } from "./clients.js";

const server = useServer();

it("indexes only the documents FILTER accepts, following writes that change the answer", async () => {
  const r = server.r;
  await r.hset("f:old", { body: "apple", age: "30" });
  await r.hset("f:young", { body: "apple", age: "12" });
  await r.call("FT.CREATE", "fi", "PREFIX", "1", "f:", "FILTER", "@age > 16 && @__key != 'f:banned'", "SCHEMA", "body", "TEXT", "age", "NUMERIC");
  await waitIndexed(r, "fi");
  expect(await searchIds(r, "fi", "apple")).toEqual(["f:old"]);
  await r.hset("f:young", "age", "20");
  expect(await searchIds(r, "fi", "apple")).toEqual(["f:old", "f:young"]);
  await r.hset("f:old", "age", "3");
  await r.hset("f:banned", { body: "apple", age: "50" });
  await r.hset("f:noage", { body: "apple" }); // a missing field fails the expression: not indexed
  expect(await searchIds(r, "fi", "apple")).toEqual(["f:young"]);
  const info = (await r.call("FT.INFO", "fi")) as unknown[];
  const def = info[info.indexOf("index_definition") + 1] as unknown[];
  expect(def[def.indexOf("filter") + 1]).toBe("@age > 16 && @__key != 'f:banned'");
});

it("refuses a FILTER that does not parse, and creates nothing", async () => {
  const r = server.r;
  await expect(r.call("FT.CREATE", "bad", "FILTER", "@age >", "SCHEMA", "body", "TEXT")).rejects.toThrow(/Syntax error/);
  expect(await r.call("FT._LIST")).not.toContain("bad");
});
