// Ferrite against a redis-server started for this file, fed the same elements: the counts, the point
// where the sketch turns dense and the bytes themselves must be identical, not merely close.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { range } from "./helpers.js";
import { prng } from "../../../test/helpers/prng.js";

const ferrite = useServer([], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });
const both = () => [ferrite.r, redis.r];

function randomElements(n: number, seed: number): Buffer[] {
  const next = prng(seed);
  return Array.from({ length: n }, () => Buffer.from(Array.from({ length: Math.floor(next() * 24) }, () => Math.floor(next() * 256))));
}

describe.skipIf(against === "redis")("parity with redis-server", () => {
  it("PFCOUNT of 0..N matches for N up to 100 000", async () => {
    const checkpoints = [1, 10, 100, 500, 1000, 2500, 5000, 10000, 25000, 50000, 75000, 100000];
    let from = 0;
    for (const n of checkpoints) {
      for (let i = from; i < n; i += 1000) {
        const batch = range(i, Math.min(i + 1000, n));
        await Promise.all(both().map((r) => r.pfadd("h", ...batch)));
      }
      from = n;
      const [f, r] = await Promise.all(both().map((c) => c.pfcount("h")));
      expect(f, `N=${n}`).toBe(r);
      expect(Math.abs(f - n) / n).toBeLessThan(0.03);
    }
  });

  it("PFADD answers the same and the sketch turns dense at the same element", async () => {
    const elements = range(0, 2500);
    const replies = await Promise.all(both().map(async (c) => {
      const p = c.pipeline();
      for (const e of elements) p.pfadd("h", e);
      return (await p.exec())!.map(([, v]) => v);
    }));
    expect(replies[0]).toEqual(replies[1]);
    // The header's encoding byte (4): 0 once dense, as Redis's PFDEBUG ENCODING would say.
    const denseAt = async (c: typeof ferrite.r) => {
      await c.del("g");
      const p = c.pipeline();
      for (const e of elements) p.pfadd("g", e).getrangeBuffer("g", 4, 4);
      const results = (await p.exec())!.map(([, v]) => v);
      return elements.findIndex((_, i) => (results[2 * i + 1] as Buffer)[0] === 0);
    };
    const f = await denseAt(ferrite.r);
    const r = await denseAt(redis.r);
    expect(f).toBeGreaterThan(0);
    expect(f).toBe(r);
  });

  it("binary elements, PFCOUNT over several keys and PFMERGE match", async () => {
    const sets = [randomElements(300, 1), randomElements(3000, 2), randomElements(40000, 3)];
    for (const [i, elements] of sets.entries()) {
      for (let j = 0; j < elements.length; j += 1000) {
        await Promise.all(both().map((c) => c.pfadd(`k${i}`, ...elements.slice(j, j + 1000))));
      }
    }
    const ask = async (f: (c: typeof ferrite.r) => Promise<unknown>) => {
      const [a, b] = await Promise.all(both().map(f));
      expect(a).toEqual(b);
    };
    await ask((c) => Promise.all([c.pfcount("k0"), c.pfcount("k1"), c.pfcount("k2")]));
    await ask((c) => c.pfcount("k0", "k1"));
    await ask((c) => c.pfcount("k0", "k1", "k2", "missing"));
    await ask(async (c) => { await c.pfmerge("m01", "k0", "k1"); return c.pfcount("m01"); });
    await ask(async (c) => { await c.pfmerge("k0", "k2", "k1"); return c.pfcount("k0"); });
  });

  it("the stored bytes are Redis's, sparse and dense", async () => {
    for (const [key, n] of [["sparse", 200], ["dense", 3000]] as const) {
      for (let i = 0; i < n; i += 500) {
        const batch = range(i, Math.min(i + 500, n));
        await Promise.all(both().map((c) => c.pfadd(key, ...batch)));
      }
      await Promise.all(both().map((c) => c.pfcount(key)));
      expect(await ferrite.r.getBuffer(key)).toEqual(await redis.r.getBuffer(key));
    }
    // PFMERGE writes its target sparse from sparse sources, dense as soon as one source is.
    for (const sources of [["sparse"], ["sparse", "dense"]]) {
      await Promise.all(both().map(async (c) => { await c.del("m"); await c.pfmerge("m", ...sources); await c.pfcount("m"); }));
      expect(await ferrite.r.getBuffer("m")).toEqual(await redis.r.getBuffer("m"));
    }
  });
});
