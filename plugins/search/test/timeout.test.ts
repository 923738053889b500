// TIMEOUT on FT.SEARCH and FT.AGGREGATE, with FT.CONFIG's ON_TIMEOUT: RETURN replies what was found by
// the deadline (RESP3 says so in `warning`), FAIL replies RediSearch's error. The query is made slow on
// purpose (100 NOT clauses over 20 000 documents: each walks every document), far beyond 1 ms on any machine.
import { createClient } from "redis";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { waitIndexed } from "./clients.js";

vi.setConfig({ testTimeout: 120_000 });

const server = useServer();
const slow = Array.from({ length: 100 }, (_, i) => `-nothing${i}`).join(" ");
const n = 20_000;
let c3: ReturnType<typeof createClient>;

beforeAll(async () => {
  const r = server.r;
  for (let i = 0; i < n; i += 1000) {
    const p = r.pipeline();
    for (let k = i; k < i + 1000; k++) p.hset(`to:${k}`, "body", "word");
    await p.exec();
  }
  await r.call("FT.CREATE", "to", "PREFIX", "1", "to:", "SCHEMA", "body", "TEXT");
  await waitIndexed(r, "to");
  c3 = createClient({ socket: { port: server.port }, RESP: 3, unstableResp3: true });
  await c3.connect();
});

afterAll(async () => {
  await c3?.quit();
});

it("returns what it found by the deadline, saying so in RESP3, and everything with TIMEOUT 0", async () => {
  const r = server.r;
  expect(await r.call("FT.CONFIG", "SET", "ON_TIMEOUT", "RETURN")).toBe("OK");
  const full = (await r.call("FT.SEARCH", "to", slow, "NOCONTENT", "LIMIT", "0", "0", "TIMEOUT", "0")) as unknown[];
  expect(full[0]).toBe(n);
  const partial = (await r.call("FT.SEARCH", "to", slow, "NOCONTENT", "LIMIT", "0", "0", "TIMEOUT", "1")) as unknown[];
  expect(typeof partial[0]).toBe("number");
  const reply = (await c3.sendCommand(["FT.SEARCH", "to", slow, "NOCONTENT", "LIMIT", "0", "0", "TIMEOUT", "1"])) as Record<string, unknown>;
  expect(reply.warning).toEqual(["Timeout limit was reached"]);
  const quick = (await c3.sendCommand(["FT.SEARCH", "to", "word", "NOCONTENT", "LIMIT", "0", "0"])) as Record<string, unknown>;
  expect(quick.warning).toEqual([]);
});

it("fails with RediSearch's error under ON_TIMEOUT FAIL, for FT.SEARCH and FT.AGGREGATE", async () => {
  const r = server.r;
  expect(await r.call("FT.CONFIG", "SET", "ON_TIMEOUT", "FAIL")).toBe("OK");
  await expect(r.call("FT.SEARCH", "to", slow, "NOCONTENT", "TIMEOUT", "1")).rejects.toThrow("Timeout limit was reached");
  await expect(r.call("FT.AGGREGATE", "to", slow, "TIMEOUT", "1")).rejects.toThrow("Timeout limit was reached");
  expect(((await r.call("FT.SEARCH", "to", "word", "NOCONTENT", "LIMIT", "0", "0")) as unknown[])[0]).toBe(n);
  expect(await r.call("FT.CONFIG", "SET", "ON_TIMEOUT", "RETURN")).toBe("OK");
  await expect(r.call("FT.SEARCH", "to", "*", "TIMEOUT", "-1")).rejects.toThrow("Bad arguments for TIMEOUT");
});

it("FT.CURSOR READ carries no timeout warning left over from an earlier query", async () => {
  const r = server.r;
  expect(await r.call("FT.CONFIG", "SET", "ON_TIMEOUT", "RETURN")).toBe("OK");
  // A small index of its own: the cursor's rows are made at FT.AGGREGATE, within the CPU budget.
  await r.call("FT.CREATE", "few", "PREFIX", "1", "few:", "SCHEMA", "body", "TEXT");
  for (let i = 0; i < 3; i++) await r.hset(`few:${i}`, "body", "word");
  await waitIndexed(r, "few");
  const [first, cursor] = (await c3.sendCommand(["FT.AGGREGATE", "few", "word", "LOAD", "1", "@body", "WITHCURSOR", "COUNT", "1", "TIMEOUT", "0"])) as [
    Record<string, unknown>,
    number,
  ];
  expect(first.warning).toEqual([]);
  const late = (await c3.sendCommand(["FT.SEARCH", "to", slow, "NOCONTENT", "LIMIT", "0", "0", "TIMEOUT", "1"])) as Record<string, unknown>;
  expect(late.warning).toEqual(["Timeout limit was reached"]);
  const [next] = (await c3.sendCommand(["FT.CURSOR", "READ", "few", String(cursor)])) as [Record<string, unknown>, number];
  expect(next.warning).toEqual([]);
  await c3.sendCommand(["FT.CURSOR", "DEL", "few", String(cursor)]);
});
