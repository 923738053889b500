// Random workloads on big sets (the skiplist and member table) checked against a model in JS, so
// ranks, spans and table deletions stay consistent through many inserts, updates and removals.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

/** A deterministic pseudo-random sequence, so a failure replays. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const order = (a: [string, number], b: [string, number]) =>
  a[1] - b[1] || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0]));

describe("a big sorted set against a model", () => {
  it("agrees after random ZADD / ZINCRBY / ZREM / ZREMRANGEBYRANK", async () => {
    const rand = lcg(42);
    const model = new Map<string, number>();
    for (let round = 0; round < 40; round++) {
      const pipeline = s.r.pipeline();
      for (let i = 0; i < 100; i++) {
        const member = `m${Math.floor(rand() * 600)}`;
        const score = Math.floor(rand() * 50);
        const r = rand();
        if (r < 0.6) {
          pipeline.zadd("z", score, member);
          model.set(member, score);
        } else if (r < 0.8) {
          pipeline.zincrby("z", score, member);
          model.set(member, (model.get(member) ?? 0) + score);
        } else {
          pipeline.zrem("z", member);
          model.delete(member);
        }
      }
      if (round % 10 === 9) {
        const sorted = [...model.entries()].sort(order);
        pipeline.zremrangebyrank("z", 10, 19);
        for (const [m] of sorted.slice(10, 20)) model.delete(m);
      }
      await pipeline.exec();
      const expected = [...model.entries()].sort(order);
      const got = (await s.r.zrange("z", 0, -1, "WITHSCORES")) as string[];
      expect(got.length / 2).toBe(expected.length);
      expect(got).toEqual(expected.flatMap(([m, v]) => [m, String(v)]));
      const probe = expected[Math.floor(rand() * expected.length)];
      expect(await s.r.zrank("z", probe[0])).toBe(expected.indexOf(probe));
      expect(await s.r.zrevrank("z", probe[0])).toBe(expected.length - 1 - expected.indexOf(probe));
      expect(await s.r.zcount("z", 10, 20)).toBe(expected.filter(([, v]) => v >= 10 && v <= 20).length);
      expect(await s.r.zrangebyscore("z", "(25", "+inf", "LIMIT", 5, 3)).toEqual(expected.filter(([, v]) => v > 25).slice(5, 8).map(([m]) => m));
    }
    expect(await s.r.object("ENCODING", "z")).toBe("skiplist");
  });
});
