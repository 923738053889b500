import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer([], { flush: true });

/** Small (listpack) and large (hashtable) hashes behave alike. */
const SIZES = [5, 1000];

describe("HRANDFIELD", () => {
  it.each(SIZES)("one field, distinct fields, repeated fields (%i fields)", async (n) => {
    await s.r.hset("h", ...fieldsAndValues(n));
    const valid = (f: string) => /^f\d+$/.test(f) && Number(f.slice(1)) < n;
    expect(valid((await s.r.hrandfield("h")) as string)).toBe(true);
    for (const count of [1, 3, Math.floor(n / 2), n - 1, n, n + 10]) {
      const got = (await s.r.hrandfield("h", count)) as string[];
      expect(got.length).toBe(Math.min(count, n));
      expect(new Set(got).size).toBe(got.length);
      expect(got.every(valid)).toBe(true);
    }
    const repeated = (await s.r.hrandfield("h", -(n * 3))) as string[];
    expect(repeated.length).toBe(n * 3);
    expect(repeated.every(valid)).toBe(true);
    const pairs = (await s.r.hrandfield("h", 3, "WITHVALUES")) as string[];
    expect(pairs.length).toBe(6);
    for (let i = 0; i < 6; i += 2) expect(pairs[i + 1]).toBe(`v${pairs[i]!.slice(1)}`);
    // Lower case on purpose (the option is case-insensitive): ioredis types only the upper-case spelling.
    const repeatedPairs = (await s.r.call("HRANDFIELD", "h", -4, "withvalues")) as string[];
    expect(repeatedPairs.length).toBe(8);
  });

  it("picks every field eventually", async () => {
    await s.r.hset("h", ...fieldsAndValues(5));
    const seen = new Set((await s.r.hrandfield("h", -200)) as string[]);
    expect(seen.size).toBe(5);
  });

  it("picks a hashtable's fields about evenly (the suite's chi-square check)", async () => {
    // 10 fields over 16 buckets: some share a bucket, which a bucket-first pick would favour less.
    await s.r.config("SET", "hash-max-listpack-entries", "0");
    try {
      await s.r.hset("h", ...fieldsAndValues(10));
      expect(await s.r.object("ENCODING", "h")).toBe("hashtable");
      // Ten times the picks Redis's suite makes: a sampler that favours some buckets' entries fails
      // here in most server starts (the hash seed sets the layout), where 1,000 picks let it pass in
      // about 97 % of them (ADR 0054). A fair one stays under 40 but once in ~10^5 runs.
      const picks = (await s.r.hrandfield("h", -10000)) as string[];
      const counts = new Map<string, number>();
      for (const f of picks) counts.set(f, (counts.get(f) ?? 0) + 1);
      const expected = picks.length / counts.size;
      const chiSquare = [...counts.values()].reduce((x, n) => x + (n - expected) ** 2 / expected, 0);
      expect(counts.size).toBe(10);
      expect(chiSquare).toBeLessThan(40); // 9 degrees of freedom: above 40 has a 1e-5 chance when fair
    } finally {
      await s.r.config("SET", "hash-max-listpack-entries", "128");
    }
  });

  it("missing key, zero count", async () => {
    expect(await s.r.hrandfield("nokey")).toBeNull();
    expect(await s.r.hrandfield("nokey", 3)).toEqual([]);
    await s.r.hset("h", "a", "1");
    expect(await s.r.hrandfield("h", 0)).toEqual([]);
  });

  it("RESP3 nests [field, value] pairs", async () => {
    await s.r.hset("h", "a", "1");
    expect(await rawReply(s.port, 3, "HRANDFIELD", "h", "-2", "WITHVALUES")).toBe("*2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 2, "HRANDFIELD", "h", "2", "WITHVALUES")).toBe("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 3, "HRANDFIELD", "h", "2")).toBe("*1\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 3, "HRANDFIELD", "nokey")).toBe("_\r\n");
  });

  it("errors", async () => {
    await s.r.hset("h", "a", "1");
    expect(await errorOf(s.r.call("HRANDFIELD", "h", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("HRANDFIELD", "h", "1", "foo"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("HRANDFIELD", "h", "1", "WITHVALUES", "x"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("HRANDFIELD", "h", "-9223372036854775808"))).toBe(
      "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
    );
    expect(await errorOf(s.r.call("HRANDFIELD", "h", "5000000000000000000", "WITHVALUES"))).toBe("ERR value is out of range");
    await otherTypeKey(s.r, "o");
    expect(await errorOf(s.r.hrandfield("o"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.hrandfield("o", 2))).toBe(WRONGTYPE);
  });
});
