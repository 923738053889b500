// Query attributes `=>{$weight: w; …}`: $weight multiplies a clause's score (so it reorders results);
// $slop, $inorder and $phonetic are accepted; anything else is a syntax error.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer();

async function ranked(query: string): Promise<[string, number][]> {
  const reply = (await server.r.call("FT.SEARCH", "at", query, "WITHSCORES", "NOCONTENT", "SCORER", "BM25")) as unknown[];
  const out: [string, number][] = [];
  for (let i = 1; i < reply.length; i += 2) out.push([reply[i] as string, Number(reply[i + 1])]);
  return out;
}

it("weights a clause's score and keeps the rest of the query working", async () => {
  const r = server.r;
  await r.hset("at:1", "body", "apple pie");
  await r.hset("at:2", "body", "banana bread");
  await r.call("FT.CREATE", "at", "PREFIX", "1", "at:", "SCHEMA", "body", "TEXT");
  const plain = await ranked("apple | banana");
  expect(plain.map(([id]) => id).sort()).toEqual(["at:1", "at:2"]);
  const heavy = await ranked("apple | banana=>{$weight: 10}");
  expect(heavy[0][0]).toBe("at:2");
  expect(heavy[0][1]).toBeCloseTo(plain.find(([id]) => id === "at:2")![1] * 10, 6);
  const grouped = await ranked("(apple)=>{ $weight: 5; $slop: 1; $inorder: true } | banana");
  expect(grouped[0][0]).toBe("at:1");
  await expect(r.call("FT.SEARCH", "at", "apple=>{$nonsense: 1}")).rejects.toThrow(/^Syntax error/);
  await expect(r.call("FT.SEARCH", "at", "apple=>{$weight: heavy}")).rejects.toThrow(/^Syntax error/);
});
