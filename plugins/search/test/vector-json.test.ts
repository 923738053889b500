// VECTOR fields of JSON documents through node-redis (@redis/json and @redis/search, unmodified): arrays
// of numbers read as RediSearch reads them, kept exact under JSON.SET, JSON.DEL, DEL and expiry, and
// multi-value paths (`$.vs[*]`) answering each document once, at its nearest vector.
import { SCHEMA_FIELD_TYPE, SCHEMA_VECTOR_FIELD_ALGORITHM } from "redis";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { kind: "ferrite" });
const c = useNodeRedis(s);

const f32 = (...v: number[]) => Buffer.from(new Float32Array(v).buffer);
const f64 = (...v: number[]) => Buffer.from(new Float64Array(v).buffer);

type VectorType = "FLOAT32" | "FLOAT64" | "FLOAT16" | "BFLOAT16";

async function jsonIndex(path: string, algorithm: "FLAT" | "HNSW", metric: "L2" | "IP" | "COSINE", type: VectorType = "FLOAT32") {
  await c.ft.create(
    "idx",
    {
      [path]: {
        type: SCHEMA_FIELD_TYPE.VECTOR,
        AS: "v",
        ALGORITHM: algorithm === "HNSW" ? SCHEMA_VECTOR_FIELD_ALGORITHM.HNSW : SCHEMA_VECTOR_FIELD_ALGORITHM.FLAT,
        TYPE: type,
        DIM: 2,
        DISTANCE_METRIC: metric,
      },
      "$.color": { type: SCHEMA_FIELD_TYPE.TAG, AS: "color" },
    },
    { ON: "JSON", PREFIX: "doc:" },
  );
  // The walk over existing keys done, so no document is read twice (failures count each reading).
  for (let i = 0; i < 500 && Number(await info("indexing")) !== 0; i++) await new Promise((r) => setTimeout(r, 10));
}

async function info(name: string): Promise<unknown> {
  const reply = (await c.sendCommand(["FT.INFO", "idx"])) as unknown[];
  return reply[reply.indexOf(name) + 1];
}

interface Found {
  total: number;
  documents: { id: string; value: Record<string, unknown> }[];
}

/** [id, distance] of each result of a KNN or range query, nearest first. */
async function nearest(query: string, blob: Buffer): Promise<[string, string][]> {
  const r = (await c.ft.search("idx", query, { PARAMS: { B: blob }, RETURN: ["d"], DIALECT: 2 })) as unknown as Found;
  return r.documents.map((d) => [d.id, d.value.d as string]);
}

async function failures(): Promise<number> {
  return Number(await info("hash_indexing_failures"));
}

describe("JSON vector fields", () => {
  it("HNSW over `$.v`: KNN with RediSearch's scores, the filter, and JSON.SET, JSON.DEL and DEL followed", async () => {
    await jsonIndex("$.v", "HNSW", "L2");
    await c.json.set("doc:a", "$", { v: [0, 0], color: "red" });
    await c.json.set("doc:b", "$", { v: [1, 1], color: "blue" });
    await c.json.set("doc:c", "$", { v: [3, 4], color: "red" });
    expect(await nearest("*=>[KNN 2 @v $B AS d]", f32(0.5, 0))).toEqual([["doc:a", "0.25"], ["doc:b", "1.25"]]);
    expect(await nearest("@color:{red}=>[KNN 2 @v $B AS d]", f32(1, 1))).toEqual([["doc:a", "2"], ["doc:c", "13"]]);
    // An element rewritten in place moves the document.
    await c.json.set("doc:c", "$.v[1]", 0);
    expect(await nearest("*=>[KNN 1 @v $B AS d]", f32(3, 0))).toEqual([["doc:c", "0"]]);
    // The vector deleted: the document stays (its tag still matches) but is no vector result.
    await c.json.del("doc:a", { path: "$.v" });
    expect(((await c.ft.search("idx", "@color:{red}", { DIALECT: 2 })) as unknown as Found).total).toBe(2);
    expect((await nearest("*=>[KNN 3 @v $B AS d]", f32(0, 0))).map((r) => r[0])).toEqual(["doc:b", "doc:c"]);
    await c.del("doc:b");
    expect((await nearest("*=>[KNN 3 @v $B AS d]", f32(0, 0))).map((r) => r[0])).toEqual(["doc:c"]);
  });

  it("FLAT FLOAT64 over JSON numbers, integers and fractions alike; IP scores", async () => {
    await jsonIndex("$.v", "FLAT", "IP", "FLOAT64");
    await c.json.set("doc:x", "$", { v: [1, 2.5] });
    await c.json.set("doc:y", "$", { v: [-1e-3, 1e3] });
    expect(await nearest("*=>[KNN 2 @v $B AS d]", f64(2, 0.5))).toEqual([["doc:y", "-498.998"], ["doc:x", "-2.25"]]);
  });

  it("a document whose vector is not DIM numbers is a failure and no result; nulls are skipped", async () => {
    await jsonIndex("$.v", "FLAT", "L2");
    await c.json.set("doc:ok", "$", { v: [1, 1] });
    await c.json.set("doc:short", "$", { v: [1] });
    await c.json.set("doc:text", "$", { v: ["1", "2"] });
    await c.json.set("doc:nested", "$", { v: [[1, 1]] }); // a single path takes no array of vectors
    await c.json.set("doc:null", "$", { v: null, color: "red" });
    expect(await failures()).toBe(3);
    expect((await nearest("*=>[KNN 10 @v $B AS d]", f32(0, 0))).map((r) => r[0])).toEqual(["doc:ok"]);
    expect(((await c.ft.search("idx", "@color:{red}", { DIALECT: 2 })) as unknown as Found).total).toBe(1);
  });

  it("FLOAT16 and BFLOAT16: JSON numbers rounded to the type (ties to even), scored in f32", async () => {
    // 0.1 is 0x2e66 in half precision (0.0999755859375) and 0x3dcd in bfloat16 (0.10009765625).
    const halves = (...h: number[]) => Buffer.from(new Uint16Array(h).buffer);
    await jsonIndex("$.v", "FLAT", "L2", "FLOAT16");
    await c.json.set("doc:a", "$", { v: [0.1, 1] });
    await c.json.set("doc:b", "$", { v: [2, 2] });
    expect(await nearest("*=>[KNN 2 @v $B AS d]", halves(0, 0x3c00))).toEqual([["doc:a", "0.00999511778355"], ["doc:b", "5"]]);
    await c.ft.dropIndex("idx");
    await jsonIndex("$.v", "HNSW", "L2", "BFLOAT16");
    expect(await nearest("*=>[KNN 2 @v $B AS d]", halves(0, 0x3f80))).toEqual([["doc:a", "0.0100195407867"], ["doc:b", "5"]]);
    // A hash holds the 16-bit elements as they are; a blob of 4-byte elements is the wrong size.
    await c.sendCommand(["FT.CREATE", "h", "ON", "HASH", "PREFIX", "1", "h:", "SCHEMA", "v", "VECTOR", "FLAT", "6", "TYPE", "FLOAT16", "DIM", "2", "DISTANCE_METRIC", "IP"]);
    await c.hSet("h:1", { v: halves(0x3c00, 0x4000) }); // (1, 2)
    const got = await c.sendCommand(["FT.SEARCH", "h", "*=>[KNN 1 @v $B AS d]", "PARAMS", "2", "B", halves(0x4000, 0x3800), "RETURN", "1", "d", "DIALECT", "2"]);
    expect(got).toEqual([1, "h:1", ["d", "-2"]]); // 1 - (1·2 + 2·0.5)
    await expect(c.sendCommand(["FT.SEARCH", "h", "*=>[KNN 1 @v $B]", "PARAMS", "2", "B", f32(1, 2), "DIALECT", "2"])).rejects.toThrow(
      "query vector blob size (8) does not match index's expected size (4)",
    );
  });

  it("a vector expires with its document", async () => {
    await jsonIndex("$.v", "HNSW", "L2");
    await c.json.set("doc:a", "$", { v: [0, 0] });
    await c.json.set("doc:b", "$", { v: [5, 5] });
    await c.pExpire("doc:a", 20);
    for (let i = 0; i < 500 && (await c.exists("doc:a")) === 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await nearest("*=>[KNN 2 @v $B AS d]", f32(0, 0))).map((r) => r[0])).toEqual(["doc:b"]);
  });
});

describe("multi-value JSON vectors (`$.vs[*]`)", () => {
  it("KNN answers each document once, at its nearest vector, and k distinct documents", async () => {
    await jsonIndex("$.vs[*]", "HNSW", "L2");
    // doc:a's three vectors are all nearer the query than doc:b's one: KNN 2 must still give both.
    await c.json.set("doc:a", "$", { vs: [[0, 0], [0, 1], [1, 0]], color: "red" });
    await c.json.set("doc:b", "$", { vs: [[3, 0]], color: "blue" });
    await c.json.set("doc:c", "$", { vs: [[9, 9], null, [4, 0]], color: "red" });
    expect(await nearest("*=>[KNN 2 @v $B AS d]", f32(0, 0))).toEqual([["doc:a", "0"], ["doc:b", "9"]]);
    expect(await nearest("@color:{red}=>[KNN 2 @v $B AS d]", f32(0, 0))).toEqual([["doc:a", "0"], ["doc:c", "16"]]);
    expect(await nearest("*=>[KNN 1 @v $B AS d]", f32(9, 8))).toEqual([["doc:c", "1"]]);
    const range = await c.sendCommand(["FT.SEARCH", "idx", "@v:[VECTOR_RANGE 10 $B]", "PARAMS", "2", "B", f32(0, 0), "NOCONTENT", "DIALECT", "2"]);
    expect(range).toEqual([2, "doc:a", "doc:b"]);
  });

  it("rewriting or deleting a document replaces or removes all its vectors", async () => {
    await jsonIndex("$.vs[*]", "FLAT", "L2");
    await c.json.set("doc:a", "$", { vs: [[0, 0], [10, 10]] });
    await c.json.set("doc:b", "$", { vs: [[5, 5]] });
    await c.json.set("doc:a", "$.vs", [[20, 20]]);
    expect(await nearest("*=>[KNN 2 @v $B AS d]", f32(0, 0))).toEqual([["doc:b", "50"], ["doc:a", "800"]]);
    await c.json.arrAppend("doc:b", "$.vs", [1, 0]);
    expect(await nearest("*=>[KNN 1 @v $B AS d]", f32(0, 0))).toEqual([["doc:b", "1"]]);
    await c.del("doc:b");
    expect(await nearest("*=>[KNN 5 @v $B AS d]", f32(0, 0))).toEqual([["doc:a", "800"]]);
  });

  it("one bad vector among several fails the document", async () => {
    await jsonIndex("$.vs[*]", "FLAT", "L2");
    await c.json.set("doc:bad", "$", { vs: [[0, 0], [1]] });
    await c.json.set("doc:ok", "$", { vs: [[1, 1]] });
    expect(await failures()).toBe(1);
    expect((await nearest("*=>[KNN 5 @v $B AS d]", f32(0, 0))).map((r) => r[0])).toEqual(["doc:ok"]);
  });
});
