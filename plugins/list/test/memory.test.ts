// A list keeps the bytes of its nodes as a running total (its memory callback runs after every write,
// for tiered storage, so it must not walk the list): every path that creates, resizes or drops a node
// must keep it, or MEMORY USAGE drifts away from what the list holds. Node capacities depend on the
// list's history, so the checks are bounds: at least the entries' bytes, at most twice that plus one
// node's worth of spare room.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });
const NODE_BYTES = 8192;

async function usage(key: string): Promise<number> {
  return (await s.r.memory("USAGE", key)) as number;
}

/** Bytes the elements take as listpack entries: the element, a length byte and a back-length byte. */
async function entryBytes(key: string): Promise<number> {
  const all = await s.r.lrange(key, 0, -1);
  return all.reduce((sum, e) => sum + e.length + 2, 0);
}

async function expectTracked(key: string): Promise<void> {
  const entries = await entryBytes(key);
  const bytes = await usage(key);
  expect(bytes).toBeGreaterThanOrEqual(entries);
  expect(bytes).toBeLessThanOrEqual(2 * entries + 2 * NODE_BYTES);
}

describe("list memory usage", () => {
  it("follows the list as nodes are created, resized, split and dropped by every path", async () => {
    const elements = Array.from({ length: 20_000 }, (_, i) => `element:${String(i).padStart(6, "0")}`);
    for (let i = 0; i < elements.length; i += 1000) await s.r.rpush("l", ...elements.slice(i, i + 1000));
    await expectTracked("l");
    await s.r.lpush("l", ...elements.slice(0, 3000));
    await s.r.linsert("l", "BEFORE", "element:010000", "y".repeat(5000));
    await s.r.lset("l", 7000, "z".repeat(3000));
    await expectTracked("l");
    await s.r.lrem("l", 0, "element:000001");
    for (let i = 0; i < 2000; i++) await s.r.lmove("l", "m", "LEFT", "RIGHT");
    await expectTracked("l");
    await expectTracked("m");
    await s.r.copy("l", "c");
    await expectTracked("c");
    await s.r.ltrim("l", 0, 9);
    await expectTracked("l");
    expect(await usage("l")).toBeLessThan(2 * NODE_BYTES);
    await s.r.rpop("m", 1990);
    await expectTracked("m");
  });
});
