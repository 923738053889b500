// FT.CREATE … TEMPORARY seconds: the index goes once no command has named it for that long; using it
// keeps it; its keys stay when it expires. Bounds are generous: only "gone within 15 s" and "still there
// while used every 100 ms" are asserted.
import { expect, it, vi } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { searchIds } from "./clients.js";

vi.setConfig({ testTimeout: 60_000 });

const server = useServer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listed(name: string): Promise<boolean> {
  return ((await server.r.call("FT._LIST")) as string[]).includes(name);
}

it("drops a temporary index once idle, keeping its keys", async () => {
  const r = server.r;
  await r.hset("tmp:1", "body", "kiwi");
  await r.call("FT.CREATE", "tmp", "TEMPORARY", "1", "PREFIX", "1", "tmp:", "SCHEMA", "body", "TEXT");
  expect(await searchIds(r, "tmp", "kiwi")).toEqual(["tmp:1"]);
  let gone = false;
  for (let i = 0; i < 150 && !gone; i++) {
    await sleep(100);
    gone = !(await listed("tmp"));
  }
  expect(gone).toBe(true);
  await expect(r.call("FT.SEARCH", "tmp", "kiwi")).rejects.toThrow("tmp: no such index");
  expect(await r.hget("tmp:1", "body")).toBe("kiwi");
});

it("keeps a temporary index that commands keep naming, and refuses a bad TEMPORARY", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "busy", "TEMPORARY", "2", "SCHEMA", "body", "TEXT");
  for (let i = 0; i < 30; i++) {
    await r.call("FT.SEARCH", "busy", "*");
    await sleep(100);
  }
  expect(await listed("busy")).toBe(true);
  await expect(r.call("FT.CREATE", "neg", "TEMPORARY", "x", "SCHEMA", "body", "TEXT")).rejects.toThrow(
    "Bad arguments for TEMPORARY: Could not convert argument to expected type",
  );
});

it("FT.DROPINDEX of a temporary index deletes its documents, as RediSearch does", async () => {
  const r = server.r;
  await r.hset("tdd:1", "body", "plum");
  await r.call("FT.CREATE", "tdd", "TEMPORARY", "100", "PREFIX", "1", "tdd:", "SCHEMA", "body", "TEXT");
  expect(await searchIds(r, "tdd", "plum")).toEqual(["tdd:1"]);
  await r.call("FT.DROPINDEX", "tdd");
  expect(await r.exists("tdd:1")).toBe(0);
});
