// A skiplist set keeps the bytes of its nodes as a running total (its memory callback runs after every
// write, for tiered storage, so it must not walk the set): every path that adds or drops a node must
// keep that total exact. Members come and go by each path, and MEMORY USAGE must come back to the same
// figure once the set holds the same members again (the member table only grows, so it stays equal).
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

describe("zset memory usage", () => {
  it("returns to the same figure after members are added and removed by every path", async () => {
    const base: (string | number)[] = [];
    for (let i = 0; i < 200; i++) base.push(i, `member:${i}`);
    await s.r.zadd("z", ...base);
    const extra = (tag: string) => Array.from({ length: 10 }, (_, i) => [-100 + i, `${tag}:${i}:${"x".repeat(i * 7)}`]).flat();
    // Warm the member table to its final capacity, so that only the nodes' bytes can differ.
    await s.r.zadd("z", ...extra("warm"));
    await s.r.zremrangebyscore("z", "-inf", -1);
    const before = await s.r.memory("USAGE", "z");
    expect(await s.r.zcard("z")).toBe(200);

    await s.r.zadd("z", ...extra("a"));
    expect(await s.r.memory("USAGE", "z")).toBeGreaterThan(before as number);
    await s.r.zincrby("z", -1000, "a:1:xxxxxxx"); // moves its node: deleted and inserted again
    await s.r.zpopmin("z", 3);
    await s.r.zrem("z", "a:5:" + "x".repeat(35));
    await s.r.zremrangebyrank("z", 0, 1);
    await s.r.zremrangebyscore("z", "-inf", -1);
    expect(await s.r.zcard("z")).toBe(200);
    expect(await s.r.memory("USAGE", "z")).toBe(before);
  });
});
