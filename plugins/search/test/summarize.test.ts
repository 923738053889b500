// FT.SEARCH … SUMMARIZE through node-redis (@redis/search, unmodified), with the expected texts of
// RediSearch's own tests (tests/pytests/test_summarize.py): fragments around the matched words, their
// context, FRAGS, LEN and SEPARATOR, HIGHLIGHT's tags inside fragments, values without a match.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { kind: "ferrite" });
const c = useNodeRedis(s);

const P1 =
  "Redis is an open-source in-memory database project implementing a networked, in-memory key-value store with optional durability. Redis supports different kinds of abstract data structures, such as strings, lists, maps, sets, sorted sets, hyperloglogs, bitmaps and spatial indexes. The project is mainly developed by Salvatore Sanfilippo and is currently sponsored by Redis Labs.[4] Redis Labs creates and maintains the official Redis Enterprise Pack.";
const P2 =
  "Redis typically holds the whole dataset in memory. Versions up to 2.4 could be configured to use what they refer to as virtual memory[19] in which some of the dataset is stored on disk, but this feature is deprecated. Persistence is now achieved in two different ways: one is called snapshotting, and is a semi-persistent durability mode where the dataset is asynchronously transferred from memory to disk from time to time, written in RDB dump format. Since version 1.1 the safer alternative is AOF, an append-only file (a journal) that is written as operations modifying the dataset in memory are processed. Redis is able to rewrite the append-only file in the background in order to avoid an indefinite growth of the journal.";

type Doc = { id: string; value: Record<string, unknown> };

async function first(query: string, options: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = (await c.ft.search("idx", query, options)) as unknown as { documents: Doc[] };
  return r.documents[0].value;
}

describe("SUMMARIZE", () => {
  it("fragments around the matched words with LEN words of context, the best FRAGS in document order", async () => {
    await c.sendCommand(["FT.CREATE", "idx", "ON", "HASH", "SCHEMA", "txt1", "TEXT", "txt2", "TEXT"]);
    await c.hSet("redis", { txt1: P1, txt2: P2 });
    const got = await first("memory persistence salvatore", { SUMMARIZE: { FIELDS: ["txt1", "txt2"], LEN: 5 } });
    expect(got.txt1).toBe("memory database project implementing a networked, in-memory ... by Salvatore Sanfilippo... ");
    expect(got.txt2).toBe(
      "dataset in memory. Versions... as virtual memory[19] in... persistent durability mode where the dataset is asynchronously transferred from memory... ",
    );
  });

  it("FRAGS, SEPARATOR and HIGHLIGHT's tags inside the fragments", async () => {
    await c.sendCommand(["FT.CREATE", "idx", "ON", "HASH", "SCHEMA", "txt1", "TEXT", "txt2", "TEXT"]);
    await c.hSet("redis", { txt1: P1, txt2: P2 });
    const got = await first("memory persistence", {
      RETURN: ["txt2"],
      SUMMARIZE: { FIELDS: ["txt2"], FRAGS: 1, LEN: 5, SEPARATOR: " | " },
      HIGHLIGHT: { FIELDS: ["txt2"], TAGS: { open: "<b>", close: "</b>" } },
    });
    expect(got.txt2).toBe("<b>persistent</b> durability mode where the dataset is asynchronously transferred from <b>memory</b> | ");
  });

  it("every returned TEXT field without FIELDS; a value without a match is cut back to whole words", async () => {
    await c.sendCommand(["FT.CREATE", "idx", "ON", "HASH", "SCHEMA", "foo", "TEXT", "bar", "TEXT", "baz", "TEXT"]);
    await c.hSet("doc1", { foo: "pill", bar: "pillow", baz: "piller" });
    const got = await c.sendCommand(["FT.SEARCH", "idx", "pill pillow piller", "RETURN", "3", "foo", "bar", "baz", "SUMMARIZE"]);
    expect(got).toEqual([1, "doc1", ["foo", "pill... ", "bar", "pillow... ", "baz", "piller... "]]);

    await c.sendCommand(["FT.CREATE", "idx2", "ON", "HASH", "PREFIX", "1", "p:", "SCHEMA", "building_type", "TEXT", "description", "TEXT"]);
    const text = "To change the use from a Restaurant to a Personal Service Shop (Great Clips)";
    await c.hSet("p:1", { building_type: "Retail and Shops", description: text });
    await c.hSet("p:2", { building_type: "Retail and Shops", description: `${text} at the end` });
    const cut = await c.sendCommand(["FT.SEARCH", "idx2", "retail", "RETURN", "1", "description", "SUMMARIZE", "SORTBY", "description"]);
    expect(cut).toEqual([2, "p:1", ["description", text], "p:2", ["description", `${text} at the`]]);
    // Highlighting too, a value without a match is left whole.
    const whole = await c.sendCommand(["FT.SEARCH", "idx2", "retail", "RETURN", "1", "description", "SUMMARIZE", "HIGHLIGHT", "SORTBY", "description"]);
    expect(whole).toEqual([2, "p:1", ["description", text], "p:2", ["description", `${text} at the end`]]);
  });
});
