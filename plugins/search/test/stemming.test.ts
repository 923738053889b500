// Porter's step 4 through node-redis (@redis/search, unmodified): the suffixes it removes (-ion, -ence,
// -ent, -al, …) bring a word's forms to one stem, so a query for one form finds the others. Step 4
// removed nothing before (ADR 0051), so "connection" did not find "connected".
import { beforeAll, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { kind: "ferrite" });
const c = useNodeRedis(s, false);
beforeAll(async () => {
  await c.sendCommand(["FT.CREATE", "idx", "ON", "HASH", "PREFIX", "1", "d:", "SCHEMA", "t", "TEXT"]);
  await c.hSet("d:1", { t: "connected" });
  await c.hSet("d:2", { t: "persistent" });
  await c.hSet("d:3", { t: "generalization" });
});

async function ids(query: string): Promise<string[]> {
  const r = (await c.ft.searchNoContent("idx", query)) as unknown as { documents: string[] };
  return r.documents.sort();
}

it("finds a word's other forms through the suffixes of step 4", async () => {
  expect(await ids("connection")).toEqual(["d:1"]); // connection, connected → connect
  expect(await ids("persistence")).toEqual(["d:2"]); // persistence, persistent → persist
  expect(await ids("generic")).toEqual(["d:3"]); // generic, generalization → gener
  expect(await ids("connection persistence")).toEqual([]);
});
