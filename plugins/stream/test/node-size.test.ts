// `~` trimming removes whole nodes, so where a node ends is visible: it must end where Redis's listpack
// node ends, by stream-node-max-entries or by stream-node-max-bytes counted in Redis's listpack encoding.
// The counts below are Redis 7.0.15's (TEST_AGAINST=redis runs the same assertions against it).
import { afterEach, describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

afterEach(async () => {
  await s.r.config("SET", "stream-node-max-entries", "100");
  await s.r.config("SET", "stream-node-max-bytes", "4096");
});

async function add(key: string, n: number, entry: (i: number) => string[]): Promise<void> {
  const p = s.r.pipeline();
  for (let i = 1; i <= n; i++) p.call("XADD", key, ...entry(i));
  await p.exec();
}

/** Entries in the stream's last node: `~ 1` removes every node but the last. */
async function lastNode(key: string): Promise<number> {
  await s.r.call("XTRIM", key, "MAXLEN", "~", "1", "LIMIT", "0");
  return s.r.xlen(key);
}

describe("stream nodes, as `~` trimming sees them", () => {
  it("XADD MAXLEN ~ 555 keeps whole nodes of 100 small entries: 600 of 1000", async () => {
    await add("st", 1000, (i) => ["MAXLEN", "~", "555", "*", i % 10 ? "xitem" : "yitem", String(i)]);
    expect(await s.r.xlen("st")).toBe(600);
  });

  it("XTRIM ~ stops at a node boundary, = goes inside it", async () => {
    await add("st", 1000, (i) => ["*", "xitem", String(i)]);
    await s.r.call("XTRIM", "st", "MAXLEN", "666");
    expect(await s.r.xlen("st")).toBe(666);
    await s.r.call("XTRIM", "st", "MAXLEN", "=", "555");
    expect(await s.r.xlen("st")).toBe(555);
    await s.r.call("XTRIM", "st", "MAXLEN", "~", "444");
    expect(await s.r.xlen("st")).toBe(500);
  });

  it("stream-node-max-bytes ends a node by the listpack's size: 100-byte values", async () => {
    await s.r.config("SET", "stream-node-max-entries", "0");
    await add("st", 200, (i) => [`${i}-0`, "f", "x".repeat(100)]);
    expect(await lastNode("st")).toBe(20);
  });

  it("integers, field names shared with the node's first entry or not, ID deltas", async () => {
    await s.r.config("SET", "stream-node-max-bytes", "300");
    await add("ints", 50, (i) => [`${i}-0`, "field", String(i * 1000)]);
    expect(await lastNode("ints")).toBe(5);
    await add("mixed", 50, (i) => [`${i}-${i * 100}`, `field${i % 2}`, "v"]);
    expect(await lastNode("mixed")).toBe(2);
  });
});
