// Debian's redis-py 4.3.4 search client (r.ft()), unmodified, against Ferrite: FT.AGGREGATE with every
// reducer, APPLY, FILTER, SORTBY and cursors, and the suggestion, dictionary, FT.SPELLCHECK and FT.CONFIG commands,
// through a script that prints what the client parsed.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([], { flush: true });

it("serves redis-py's aggregation, suggestion, dictionary and config API", async () => {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [join(import.meta.dirname, "redis-py-aggregate.py"), String(server.port)]);
  const out = JSON.parse(stdout);
  expect(out.groups).toEqual([
    {
      brand: "a", count: "3", titles: "3", titlesish: "3", sum: "60", avg: "20", min: "10", max: "30", stddev: "10", median: "20",
      titles_list: ["blue shirt", "red hat", "red shirt"], dearest: "red hat", sample: 1,
    },
    {
      brand: "b", count: "1", titles: "1", titlesish: "1", sum: "5", avg: "5", min: "5", max: "5", stddev: "0", median: "5",
      titles_list: ["sock"], dearest: "sock", sample: 1,
    },
  ]);
  // Properties in the order the pipeline first names them (RediSearch's lookup keys): price is read by `twice`.
  expect(out.applied).toEqual([["title", "red hat", "upper", "RED HAT", "price", "30", "twice", "60"]]);
  expect(out.cursor_rows).toBe(4);
  expect(out.sugadd).toEqual([1, 2]);
  expect(out.sugget).toEqual([["hello", "p1"], ["help", null]]);
  expect(out.suglen).toBe(2);
  expect(out.sugdel).toBe(1);
  expect([out.dictadd, out.dictdump, out.dictdel]).toEqual([2, ["bar", "foo"], 1]);
  expect(out.spellcheck).toEqual({ shirr: [{ score: "0.5", suggestion: "shirt" }] });
  expect(out.config_set).toBe(true);
  expect(out.config_get).toEqual({ TIMEOUT: "1000" });
});
