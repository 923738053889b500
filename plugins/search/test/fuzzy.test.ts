// Fuzzy terms: %word% matches the indexed words within 1 Levenshtein edit, %%word%% within 2,
// %%%word%%% within 3 (RediSearch's syntax); stems are not candidates. FT.EXPLAIN and FT.PROFILE name them.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { searchIds } from "./clients.js";

const server = useServer();

it("matches the words within 1, 2 or 3 edits, and refuses unbalanced or deeper forms", async () => {
  const r = server.r;
  await r.hset("fz:1", "body", "hello");
  await r.hset("fz:2", "body", "hallo");
  await r.hset("fz:3", "body", "help");
  await r.hset("fz:4", "body", "world");
  await r.call("FT.CREATE", "fz", "PREFIX", "1", "fz:", "SCHEMA", "body", "TEXT");
  expect(await searchIds(r, "fz", "%hello%")).toEqual(["fz:1", "fz:2"]);
  expect(await searchIds(r, "fz", "%%hello%%")).toEqual(["fz:1", "fz:2", "fz:3"]);
  expect(await searchIds(r, "fz", "%%%hello%%%")).toEqual(["fz:1", "fz:2", "fz:3"]);
  expect(await searchIds(r, "fz", "%wrld%")).toEqual(["fz:4"]);
  expect(await searchIds(r, "fz", "%hello% | %wrld%")).toEqual(["fz:1", "fz:2", "fz:4"]);
  expect(await r.call("FT.EXPLAIN", "fz", "%hello%")).toBe("FUZZY{hello}\n");
  await expect(r.call("FT.SEARCH", "fz", "%hello%%")).rejects.toThrow(/^Syntax error/);
  await expect(r.call("FT.SEARCH", "fz", "%%%%hello%%%%")).rejects.toThrow(/^Syntax error/);
  const profile = (await r.call("FT.PROFILE", "fz", "SEARCH", "LIMITED", "QUERY", "%hello%", "NOCONTENT")) as unknown[][];
  const iterators = (profile[1] as unknown[][]).find((e) => e[0] === "Iterators profile")?.[1] as unknown[];
  expect(iterators.slice(0, 4)).toEqual(["Type", "UNION", "Query type", "FUZZY - hello"]);
  expect(iterators.at(-1)).toBe("The number of iterators in the union is 2");
});
