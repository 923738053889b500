import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });
const NOT_INTEGER = "ERR value is not an integer or out of range";

describe("INCR / DECR / INCRBY / DECRBY", () => {
  it("counts from a missing key and keeps the TTL", async () => {
    expect(await s.r.incr("n")).toBe(1);
    expect(await s.r.incrby("n", 41)).toBe(42);
    expect(await s.r.decr("n")).toBe(41);
    expect(await s.r.decrby("n", 50)).toBe(-9);
    await s.r.expire("n", 100);
    expect(await s.r.incr("n")).toBe(-8);
    expect(await s.r.ttl("n")).toBe(100);
    expect(await s.r.get("n")).toBe("-8");
  });

  it("handles the full 64-bit range and overflow", async () => {
    await s.r.set("n", "9223372036854775806");
    await s.r.incr("n"); // ioredis turns the reply into a lossy JS number: check the stored text
    expect(await s.r.call("GET", "n")).toBe("9223372036854775807");
    expect(await errorOf(s.r.incr("n"))).toBe("ERR increment or decrement would overflow");
    await s.r.set("m", "-9223372036854775808");
    expect(await errorOf(s.r.decr("m"))).toBe("ERR increment or decrement would overflow");
    expect(await errorOf(s.r.call("DECRBY", "m", "-9223372036854775808"))).toBe("ERR decrement would overflow");
    await s.r.set("big", "3000000000");
    expect(await s.r.incrby("big", 3000000000)).toBe(6000000000);
  });

  it("refuses values and increments that are not Redis integers", async () => {
    for (const bad of ["abc", " 1", "1 ", "+1", "01", "-0", "1.0", "", "9223372036854775808"]) {
      await s.r.set("n", bad);
      expect(await errorOf(s.r.incr("n")), JSON.stringify(bad)).toBe(NOT_INTEGER);
    }
    expect(await errorOf(s.r.call("INCRBY", "x", "1.5"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.call("DECRBY", "x", "abc"))).toBe(NOT_INTEGER);
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.incr("l"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("INCRBY", "l", "x"))).toBe(NOT_INTEGER);
  });

  it("reports int encoding for counters", async () => {
    await s.r.incr("n");
    expect(await s.r.call("OBJECT", "ENCODING", "n")).toBe("int");
    await s.r.append("n", "1");
    expect(await s.r.call("OBJECT", "ENCODING", "n")).toBe("raw");
    await s.r.incr("n");
    expect(await s.r.call("OBJECT", "ENCODING", "n")).toBe("int");
  });
});

describe("INCRBYFLOAT", () => {
  it("adds and formats like Redis", async () => {
    const cases: [string | null, string, string][] = [
      [null, "1.5", "1.5"], ["10.5", "0.1", "10.6"], ["0.1", "0.2", "0.3"], ["10", "5.0e3", "5010"],
      ["1", "-1", "0"], ["3", "-0.5", "2.5"], ["5", "1e15", "1000000000000005"], ["0", "1e-5", "0.00001"],
      ["1.1", "2.2", "3.3"], ["-0.5", "0.25", "-0.25"], ["100", "1.23e2", "223"],
    ];
    for (const [start, incr, expected] of cases) {
      await s.r.del("f");
      if (start !== null) await s.r.set("f", start);
      expect(await s.r.incrbyfloat("f", incr), `${start} + ${incr}`).toBe(expected);
      expect(await s.r.get("f")).toBe(expected);
    }
  });

  it("keeps the TTL and reports embstr", async () => {
    await s.r.set("f", "1", "EX", 100);
    await s.r.incrbyfloat("f", "1");
    expect(await s.r.ttl("f")).toBe(100);
    expect(await s.r.call("OBJECT", "ENCODING", "f")).toBe("embstr");
  });

  it("errors", async () => {
    const NOT_FLOAT = "ERR value is not a valid float";
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "abc"))).toBe(NOT_FLOAT);
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "nan"))).toBe(NOT_FLOAT);
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", " 1"))).toBe(NOT_FLOAT);
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "1 "))).toBe(NOT_FLOAT);
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "inf"))).toBe("ERR increment would produce NaN or Infinity");
    await s.r.set("s", "hello");
    expect(await errorOf(s.r.call("INCRBYFLOAT", "s", "1"))).toBe(NOT_FLOAT);
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("INCRBYFLOAT", "l", "abc"))).toBe(WRONGTYPE);
    expect(await s.r.exists("f")).toBe(0);
  });
});
