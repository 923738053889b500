// The search plugin through node-redis's bundled @redis/search, as applications use it: index
// management, the query language, options and both protocols' reply shapes.
import { createClient } from "redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

/** FT.SEARCH and FT.INFO as node-redis parses them in RESP2 (its declared types are RESP3's, marked unstable). */
interface SearchReply {
  total: number;
  documents: { id: string; value: Record<string, string> }[];
}
type SearchOptions = Parameters<ReturnType<typeof createClient>["ft"]["search"]>[2];

const server = useServer();
let c: ReturnType<typeof createClient>;
let c3: ReturnType<typeof createClient>;

beforeAll(async () => {
  c = createClient({ socket: { port: server.port } });
  c3 = createClient({ socket: { port: server.port }, RESP: 3, unstableResp3: true });
  await c.connect();
  await c3.connect();
  await c.hSet("movie:1", { title: "The Dark Knight", plot: "Batman fights the Joker in Gotham", year: "2008", genre: "action,crime", loc: "-0.1,51.5" });
  await c.hSet("movie:2", { title: "Knight and Day", plot: "A spy runs with a woman across the world", year: "2010", genre: "action,comedy", loc: "2.35,48.85" });
  await c.hSet("movie:3", { title: "Gotham Nights", plot: "Stories of the dark city at night", year: "2015", genre: "drama", loc: "-74,40.7" });
  await c.hSet("other:1", { title: "dark" });
  await c.ft.create("movies", {
    title: { type: "TEXT", WEIGHT: 5, SORTABLE: true },
    plot: { type: "TEXT" },
    year: { type: "NUMERIC", SORTABLE: true },
    genre: { type: "TAG" },
    loc: { type: "GEO" },
  }, { ON: "HASH", PREFIX: "movie:" });
});

afterAll(async () => {
  await c?.quit();
  await c3?.quit();
});

async function search(index: string, query: string, options?: SearchOptions): Promise<SearchReply> {
  return (await c.ft.search(index, query, options)) as unknown as SearchReply;
}

async function ids(query: string, options?: SearchOptions): Promise<string[]> {
  return (await search("movies", query, options)).documents.map((d) => d.id);
}

it("indexes existing keys under the prefix and returns their fields", async () => {
  const r = await search("movies", "joker");
  expect(r.total).toBe(1);
  expect(r.documents[0]).toEqual({
    id: "movie:1",
    value: { title: "The Dark Knight", plot: "Batman fights the Joker in Gotham", year: "2008", genre: "action,crime", loc: "-0.1,51.5" },
  });
  expect(await c.ft._list()).toEqual(["movies"]);
});

it("runs the query language: terms, phrases, prefixes, OR, NOT, optional, fields, tags, ranges, geo", async () => {
  expect((await ids("dark")).sort()).toEqual(["movie:1", "movie:3"]);
  expect(await ids("knight -dark")).toEqual(["movie:2"]);
  expect((await ids("joker | spy")).sort()).toEqual(["movie:1", "movie:2"]);
  expect(await ids('"dark city"')).toEqual(["movie:3"]);
  expect(await ids('"city dark"')).toEqual([]);
  expect((await ids("goth*")).sort()).toEqual(["movie:1", "movie:3"]);
  expect(await ids("@title:gotham")).toEqual(["movie:3"]);
  expect((await ids("@title|plot:gotham")).sort()).toEqual(["movie:1", "movie:3"]);
  expect((await ids("@genre:{action}")).sort()).toEqual(["movie:1", "movie:2"]);
  expect((await ids("@genre:{comedy | drama}")).sort()).toEqual(["movie:2", "movie:3"]);
  expect(await ids("@year:[2009 (2015]")).toEqual(["movie:2"]);
  expect((await ids("@year:[(2008 +inf]")).sort()).toEqual(["movie:2", "movie:3"]);
  expect(await ids("@loc:[2.3 48.8 20 km]")).toEqual(["movie:2"]);
  expect((await ids("@genre:{action} (@title:knight ~joker)"))[0]).toBe("movie:1");
  expect((await ids("*")).length).toBe(3);
  expect(await ids("@genre:{$g}", { PARAMS: { g: "drama" } })).toEqual(["movie:3"]);
  expect(await ids("@year:[$lo $hi]", { PARAMS: { lo: 2014, hi: 2016 } })).toEqual(["movie:3"]);
});

it("stems English words and skips stopwords", async () => {
  expect(await ids("fight")).toEqual(["movie:1"]); // "fights"
  expect(await ids("stories")).toEqual(["movie:3"]);
  expect(await ids("story")).toEqual(["movie:3"]); // Porter: stories → stori, story → stori
  expect(await ids("the joker")).toEqual(["movie:1"]); // "the" is a stopword
  expect(await ids("fight", { VERBATIM: true })).toEqual([]);
});

it("sorts, pages, returns chosen fields and scores", async () => {
  expect(await ids("*", { SORTBY: { BY: "year", DIRECTION: "DESC" } })).toEqual(["movie:3", "movie:2", "movie:1"]);
  expect(await ids("*", { SORTBY: "title" })).toEqual(["movie:3", "movie:2", "movie:1"]);
  const page = await search("movies", "*", { SORTBY: "year", LIMIT: { from: 1, size: 1 } });
  expect(page.total).toBe(3);
  expect(page.documents.map((d) => d.id)).toEqual(["movie:2"]);
  const some = await search("movies", "spy", { RETURN: ["title", "year"] });
  expect(some.documents[0].value).toEqual({ title: "Knight and Day", year: "2010" });
  expect(await c.ft.searchNoContent("movies", "knight")).toEqual({ total: 2, documents: expect.arrayContaining(["movie:1", "movie:2"]) });
  // The title carries weight 5: a match there outscores one in the plot.
  expect(await ids("gotham")).toEqual(["movie:3", "movie:1"]);
  const scored = (await c.sendCommand(["FT.SEARCH", "movies", "gotham", "WITHSCORES", "NOCONTENT", "SCORER", "BM25"])) as unknown[];
  expect(scored[0]).toBe(2);
  expect(Number(scored[2])).toBeGreaterThan(Number(scored[4]));
  expect(await ids("knight", { INKEYS: ["movie:2", "movie:9"] })).toEqual(["movie:2"]);
  expect(await ids("gotham", { INFIELDS: ["plot"] })).toEqual(["movie:1"]);
});

it("highlights the matched words of returned text", async () => {
  const h = await search("movies", "joker fight", { RETURN: ["plot"], HIGHLIGHT: { FIELDS: ["plot"] } });
  expect(h.documents[0].value).toEqual({ plot: "Batman <b>fights</b> the <b>Joker</b> in Gotham" });
  const t = await search("movies", "goth*", { HIGHLIGHT: { TAGS: { open: "[", close: "]" } }, SORTBY: "year" });
  expect(t.documents.map((d) => d.value.title)).toEqual(["The Dark Knight", "[Gotham] Nights"]);
  expect(t.documents[0].value.plot).toBe("Batman fights the Joker in [Gotham]");
});

it("answers FT.INFO with RediSearch's field names", async () => {
  const info = (await c.ft.info("movies")) as unknown as Record<string, unknown> & { attributes: Record<string, unknown>[] };
  expect(info.index_name).toBe("movies");
  expect(info.num_docs).toBe(3);
  expect(info.indexing).toBe(0);
  expect(info.percent_indexed).toBe(1);
  expect(info.index_definition).toEqual({ key_type: "HASH", prefixes: ["movie:"], default_score: "1" });
  expect(info.attributes[0]).toMatchObject({ identifier: "title", attribute: "title", type: "TEXT", WEIGHT: "5" });
  expect(info.attributes[3]).toMatchObject({ identifier: "genre", type: "TAG", SEPARATOR: "," });
});

it("keeps aliases, tag values and the explained plan", async () => {
  expect(await c.ft.aliasAdd("films", "movies")).toBe("OK");
  expect((await search("films", "joker")).total).toBe(1);
  await c.ft.create("other", { title: { type: "TEXT" } }, { PREFIX: "other:" });
  expect(await c.ft.aliasUpdate("films", "other")).toBe("OK");
  expect((await search("films", "dark")).documents.map((d) => d.id)).toEqual(["other:1"]);
  expect(await c.ft.aliasDel("films")).toBe("OK");
  await expect(search("films", "dark")).rejects.toThrow("films: no such index");
  expect((await c.ft.tagVals("movies", "genre")).sort()).toEqual(["action", "comedy", "crime", "drama"]);
  expect(await c.ft.explain("movies", "dark @year:[1 2]")).toBe("INTERSECT {\n  dark\n  NUMERIC {1 <= @year <= 2}\n}\n");
  expect(await c.ft.dropIndex("other")).toBe("OK");
  expect(await c.ft._list()).toEqual(["movies"]);
});

it("replies in RESP3 with RediSearch's map shape", async () => {
  const r = (await c3.sendCommand(["FT.SEARCH", "movies", "joker", "RETURN", "1", "year", "WITHSCORES"])) as Map<string, unknown> | Record<string, unknown>;
  const obj = r instanceof Map ? Object.fromEntries(r) : r;
  expect(obj.total_results).toBe(1);
  expect(obj.attributes).toEqual([]);
  const results = obj.results as (Map<string, unknown> | Record<string, unknown>)[];
  const first = results[0] instanceof Map ? Object.fromEntries(results[0] as Map<string, unknown>) : (results[0] as Record<string, unknown>);
  expect(first.id).toBe("movie:1");
  expect(typeof first.score).toBe("number");
  const attrs = first.extra_attributes instanceof Map ? Object.fromEntries(first.extra_attributes as Map<string, unknown>) : first.extra_attributes;
  expect(attrs).toEqual({ year: "2008" });
  expect(await c3.ft._list()).toEqual(expect.arrayContaining(["movies"]));
});
