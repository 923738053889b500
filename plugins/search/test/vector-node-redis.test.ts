// VECTOR fields through node-redis's @redis/search, unmodified: FLAT and HNSW indexes over hash blobs,
// KNN with RediSearch's scores and `AS`, hybrid queries whose filter runs during the HNSW walk,
// VECTOR_RANGE, updates and deletes followed by the index, and the errors of a wrong-sized vector.
import { SCHEMA_FIELD_TYPE, SCHEMA_VECTOR_FIELD_ALGORITHM } from "redis";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { kind: "ferrite" });
const c = useNodeRedis(s);

const f32 = (...v: number[]) => Buffer.from(new Float32Array(v).buffer);
const f64 = (...v: number[]) => Buffer.from(new Float64Array(v).buffer);

async function vectorIndex(algorithm: "FLAT" | "HNSW", metric: "L2" | "IP" | "COSINE", type: "FLOAT32" | "FLOAT64" = "FLOAT32") {
  await c.ft.create(
    "idx",
    {
      vec: {
        type: SCHEMA_FIELD_TYPE.VECTOR,
        ALGORITHM: algorithm === "HNSW" ? SCHEMA_VECTOR_FIELD_ALGORITHM.HNSW : SCHEMA_VECTOR_FIELD_ALGORITHM.FLAT,
        TYPE: type,
        DIM: 2,
        DISTANCE_METRIC: metric,
      },
      color: SCHEMA_FIELD_TYPE.TAG,
    },
    { ON: "HASH", PREFIX: "doc:" },
  );
}

interface Found {
  total: number;
  documents: { id: string; value: Record<string, unknown> }[];
}

async function knn(query: string, blob: Buffer, extra: Record<string, unknown> = {}) {
  const r = (await c.ft.search("idx", query, { PARAMS: { B: blob }, DIALECT: 2, ...extra })) as unknown as Found;
  return r.documents.map((d): Record<string, unknown> => ({ id: d.id, ...d.value }));
}

describe("KNN", () => {
  it("HNSW L2: nearest first, the squared distance under AS, the document's fields after it", async () => {
    await vectorIndex("HNSW", "L2");
    await c.hSet("doc:a", { vec: f32(0, 0), color: "red" });
    await c.hSet("doc:b", { vec: f32(1, 1), color: "blue" });
    await c.hSet("doc:c", { vec: f32(3, 4), color: "red" });
    const got = await knn("*=>[KNN 2 @vec $B AS dist]", f32(0.5, 0), { RETURN: ["dist", "color"] });
    expect(got).toEqual([
      { id: "doc:a", dist: "0.25", color: "red" },
      { id: "doc:b", dist: "1.25", color: "blue" },
    ]);
    // Without AS the distance is __vec_score; without RETURN it comes first, then every hash field.
    const all = await c.sendCommand(["FT.SEARCH", "idx", "*=>[KNN 1 @vec $B]", "PARAMS", "2", "B", f32(3, 4), "DIALECT", "2"]);
    const [total, id, fields] = all as unknown as [number, string, string[]];
    expect([total, id, fields.length]).toEqual([1, "doc:c", 6]);
    expect([fields[0], fields[1], fields[2], fields[4], fields[5]]).toEqual(["__vec_score", "0", "vec", "color", "red"]);
  });

  it("FLAT IP and COSINE score as RediSearch: 1 - dot, 1 - cos", async () => {
    await vectorIndex("FLAT", "IP");
    await c.hSet("doc:x", { vec: f32(1, 2) });
    expect(await knn("*=>[KNN 1 @vec $B AS d]", f32(2, 0.5), { RETURN: ["d"] })).toEqual([{ id: "doc:x", d: "-2" }]);
    await c.ft.dropIndex("idx");
    await vectorIndex("FLAT", "COSINE", "FLOAT64");
    await c.hSet("doc:x", { vec: f64(1, 0) });
    await c.hSet("doc:y", { vec: f64(1, 1) });
    const got = await knn("*=>[KNN 2 @vec $B AS d]", f64(2, 0), { RETURN: ["d"] });
    expect(got.map((g) => g.id)).toEqual(["doc:x", "doc:y"]);
    expect(got[0].d).toBe("0");
    expect(Number(got[1].d)).toBeCloseTo(1 - Math.SQRT1_2, 11);
  });

  it("hybrid: the filter applies during the search, so k matching documents come back", async () => {
    await vectorIndex("HNSW", "L2");
    // 1 in 10 documents is green (the filtered graph walk), 1 in 50 is also blue (few enough for a brute-force pass).
    for (let i = 0; i < 200; i++) await c.hSet(`doc:${i}`, { vec: f32(i, 0), color: i % 50 === 0 ? "green,blue" : i % 10 === 0 ? "green" : "grey" });
    // Filtering EF_RUNTIME 5 nearest documents afterwards would leave one.
    expect(await knn("(@color:{green})=>[KNN 3 @vec $B EF_RUNTIME 5 AS dist]", f32(0, 0), { RETURN: ["dist"] })).toEqual([
      { id: "doc:0", dist: "0" },
      { id: "doc:10", dist: "100" },
      { id: "doc:20", dist: "400" },
    ]);
    expect(await knn("(@color:{blue})=>[KNN 3 @vec $B EF_RUNTIME 5 AS dist]", f32(0, 0), { RETURN: ["dist"] })).toEqual([
      { id: "doc:0", dist: "0" },
      { id: "doc:50", dist: "2500" },
      { id: "doc:100", dist: "10000" },
    ]);
  });

  it("finds the only vector after it was rewritten (its tombstone is all the graph held)", async () => {
    await vectorIndex("HNSW", "L2");
    await c.hSet("doc:a", { vec: f32(1, 1) });
    await c.hSet("doc:a", { vec: f32(2, 2) });
    await c.hSet("doc:a", { vec: f32(3, 3) });
    expect(await knn("*=>[KNN 1 @vec $B AS d]", f32(0, 0), { RETURN: ["d"] })).toEqual([{ id: "doc:a", d: "18" }]);
  });

  it("follows updates and deletes", async () => {
    await vectorIndex("HNSW", "L2");
    await c.hSet("doc:a", { vec: f32(0, 0) });
    await c.hSet("doc:b", { vec: f32(10, 10) });
    await c.hSet("doc:a", { vec: f32(20, 20) });
    expect((await knn("*=>[KNN 1 @vec $B AS d]", f32(0, 0), { RETURN: ["d"] }))[0]).toEqual({ id: "doc:b", d: "200" });
    await c.del("doc:b");
    expect(await knn("*=>[KNN 5 @vec $B AS d]", f32(0, 0), { RETURN: ["d"] })).toEqual([{ id: "doc:a", d: "800" }]);
  });

  it("a query vector of the wrong size is an error; a hash field of the wrong size is not indexed", async () => {
    await vectorIndex("HNSW", "L2");
    await c.hSet("doc:bad", { vec: "abc" });
    await c.hSet("doc:ok", { vec: f32(1, 1) });
    await expect(knn("*=>[KNN 1 @vec $B]", f32(1, 2, 3))).rejects.toThrow(
      "Error parsing vector similarity query: query vector blob size (12) does not match index's expected size (8).",
    );
    expect((await knn("*=>[KNN 5 @vec $B]", f32(1, 1))).map((d) => d.id)).toEqual(["doc:ok"]);
  });
});

describe("VECTOR_RANGE", () => {
  it("every document within the radius, nearest first", async () => {
    await vectorIndex("FLAT", "L2");
    for (let i = 0; i < 10; i++) await c.hSet(`doc:${i}`, { vec: f32(i, 0) });
    const r = await c.sendCommand(["FT.SEARCH", "idx", "@vec:[VECTOR_RANGE 4.5 $B]", "PARAMS", "2", "B", f32(0, 0), "NOCONTENT", "DIALECT", "2"]);
    expect(r).toEqual([3, "doc:0", "doc:1", "doc:2"]);
  });
});

describe("the index's lifetime", () => {
  it("FT.INFO counts the vectors' memory; FLUSHALL empties the vector index, which refills", async () => {
    await vectorIndex("HNSW", "L2");
    const sizeMb = async () => {
      const info = (await c.sendCommand(["FT.INFO", "idx"])) as unknown[];
      return Number(info[info.indexOf("vector_index_sz_mb") + 1]);
    };
    for (let i = 0; i < 100; i++) await c.hSet(`doc:${i}`, { vec: f32(i, i) });
    expect(await sizeMb()).toBeGreaterThan(0);
    await c.flushAll();
    expect(await knn("*=>[KNN 3 @vec $B]", f32(0, 0))).toEqual([]);
    await c.hSet("doc:new", { vec: f32(1, 1) });
    expect(await knn("*=>[KNN 3 @vec $B AS d]", f32(0, 0), { RETURN: ["d"] })).toEqual([{ id: "doc:new", d: "2" }]);
  });
});
