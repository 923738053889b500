// The NUMERIC range index through node-redis (@redis/search, unmodified): `@n:[a b]` with inclusive and
// exclusive ends and infinities, over enough documents to sort the index's tail into it many times,
// exact under updates, deletes and compaction (checked against the values the test wrote, drawn from a
// seeded generator), and a JSON array matching when any of its values does.
import { expect, it } from "vitest";
import { prng } from "../../../test/helpers/prng.js";
import { useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { kind: "ferrite" });
const c = useNodeRedis(s);

async function ids(query: string): Promise<string[]> {
  const r = (await c.ft.searchNoContent("idx", query, { LIMIT: { from: 0, size: 10000 } })) as unknown as { documents: string[] };
  return r.documents.sort();
}

function expected(values: Map<string, number>, keep: (v: number) => boolean): string[] {
  return [...values].filter(([, v]) => keep(v)).map(([k]) => k).sort();
}

it("answers ranges exactly through writes, updates, deletes and compaction", async () => {
  await c.sendCommand(["FT.CREATE", "idx", "ON", "HASH", "PREFIX", "1", "d:", "SCHEMA", "n", "NUMERIC"]);
  const rand = prng(17);
  const values = new Map<string, number>();
  const write = async (key: string, v: number) => {
    values.set(key, v);
    await c.hSet(key, { n: String(v) });
  };
  for (let i = 0; i < 3000; i++) await write(`d:${i}`, Math.round((rand() * 2000 - 1000) * 4) / 4);
  await write("d:zero", -0);
  const check = async () => {
    expect(await ids("@n:[-10 10]")).toEqual(expected(values, (v) => v >= -10 && v <= 10));
    expect(await ids("@n:[(-10 (10]")).toEqual(expected(values, (v) => v > -10 && v < 10));
    expect(await ids("@n:[0 0]")).toEqual(expected(values, (v) => v === 0));
    expect(await ids("@n:[-inf -990]")).toEqual(expected(values, (v) => v <= -990));
    expect(await ids("@n:[(995 +inf]")).toEqual(expected(values, (v) => v > 995));
    expect(await ids("@n:[5 4]")).toEqual([]);
  };
  await check();
  // Updates move documents; deletes (more than the compaction threshold) remove them.
  for (let i = 0; i < 3000; i += 3) await write(`d:${i}`, Math.round(rand() * 40 - 20));
  for (let i = 1; i < 3000; i += 3) {
    values.delete(`d:${i}`);
    await c.del(`d:${i}`);
  }
  await check();
  expect((await ids("@n:[-inf +inf]")).length).toBe(values.size);
});

it("a JSON array of numbers matches when any of its values is in range", async () => {
  await c.sendCommand(["FT.CREATE", "idx", "ON", "JSON", "PREFIX", "1", "j:", "SCHEMA", "$.n[*]", "AS", "n", "NUMERIC"]);
  await c.json.set("j:1", "$", { n: [1, 50] });
  await c.json.set("j:2", "$", { n: [45] });
  await c.json.set("j:3", "$", { n: [100, 200] });
  expect(await ids("@n:[40 60]")).toEqual(["j:1", "j:2"]);
  expect(await ids("@n:[0 2]")).toEqual(["j:1"]);
  expect(await ids("@n:[1 200]")).toEqual(["j:1", "j:2", "j:3"]);
});
