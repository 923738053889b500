import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });

describe("HINCRBY", () => {
  it("counts from 0, creating the key and the field", async () => {
    expect(await s.r.hincrby("h", "n", 5)).toBe(5);
    expect(await s.r.hincrby("h", "n", -7)).toBe(-2);
    expect(await s.r.hget("h", "n")).toBe("-2");
    await s.r.hincrby("h", "m", "9223372036854775807");
    expect(await s.r.hget("h", "m")).toBe("9223372036854775807"); // ioredis would round the integer reply
  });

  it("errors", async () => {
    await s.r.hset("h", "s", "abc", "f", "1.5", "max", "9223372036854775807", "min", "-9223372036854775808");
    expect(await errorOf(s.r.hincrby("h", "s", 1))).toBe("ERR hash value is not an integer");
    expect(await errorOf(s.r.hincrby("h", "f", 1))).toBe("ERR hash value is not an integer");
    expect(await errorOf(s.r.hincrby("h", "max", 1))).toBe("ERR increment or decrement would overflow");
    expect(await errorOf(s.r.hincrby("h", "min", -1))).toBe("ERR increment or decrement would overflow");
    expect(await errorOf(s.r.call("HINCRBY", "h", "n", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("HINCRBY", "new", "n", "1.0"))).toBe("ERR value is not an integer or out of range");
    expect(await s.r.exists("new")).toBe(0);
  });
});

describe("HINCRBYFLOAT", () => {
  it("adds and formats like INCRBYFLOAT", async () => {
    expect(await s.r.hincrbyfloat("h", "x", "10.5")).toBe("10.5");
    expect(await s.r.hincrbyfloat("h", "x", "0.1")).toBe("10.6");
    expect(await s.r.hincrbyfloat("h", "x", "-5.6")).toBe("5");
    expect(await s.r.hincrbyfloat("h", "y", "5.0e3")).toBe("5000");
    await s.r.hset("h", "i", "3");
    expect(await s.r.hincrbyfloat("h", "i", "1.25")).toBe("4.25");
    expect(await s.r.hget("h", "i")).toBe("4.25");
  });

  it("errors", async () => {
    await s.r.hset("h", "s", "abc", "big", "1e308");
    expect(await errorOf(s.r.hincrbyfloat("h", "s", "1"))).toBe("ERR hash value is not a float");
    expect(await errorOf(s.r.hincrbyfloat("h", "x", "abc"))).toBe("ERR value is not a valid float");
    expect(await errorOf(s.r.hincrbyfloat("h", "x", "inf"))).toBe("ERR value is NaN or Infinity");
    expect(await errorOf(s.r.hincrbyfloat("nokey", "x", "nan"))).toBe("ERR value is not a valid float");
    expect(await s.r.exists("nokey")).toBe(0);
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(s.r, "o");
    expect(await errorOf(s.r.hincrby("o", "a", 1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.hincrbyfloat("o", "a", 1))).toBe(WRONGTYPE);
  });
});
