import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });
const NOT_INTEGER = "ERR value is not an integer or out of range";

describe("GETRANGE / SUBSTR", () => {
  it("takes inclusive, negative-aware ranges", async () => {
    await s.r.set("k", "This is a string");
    const cases: [number, number, string][] = [
      [0, 3, "This"], [-3, -1, "ing"], [0, -1, "This is a string"], [10, 100, "string"], [5, 3, ""],
      [-1, -5, ""], [-100, 3, "This"], [-100, -99, "T"], [20, 30, ""], [0, 0, "T"],
    ];
    for (const [start, end, expected] of cases) {
      expect(await s.r.getrange("k", start, end), `${start} ${end}`).toBe(expected);
      expect(await s.r.call("SUBSTR", "k", String(start), String(end))).toBe(expected);
    }
    expect(await s.r.getrange("missing", 0, -1)).toBe("");
    await s.r.set("e", "");
    expect(await s.r.getrange("e", 0, -1)).toBe("");
    await s.r.set("n", "12345");
    expect(await s.r.getrange("n", 1, 2)).toBe("23");
  });

  it("errors", async () => {
    expect(await errorOf(s.r.call("GETRANGE", "k", "a", "1"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.call("GETRANGE", "k", "0", "1.5"))).toBe(NOT_INTEGER);
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.getrange("l", 0, 1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("GETRANGE", "l", "x", "1"))).toBe(NOT_INTEGER);
  });
});

describe("SETRANGE", () => {
  it("overwrites and zero-pads", async () => {
    await s.r.set("k", "Hello World");
    expect(await s.r.setrange("k", 6, "Redis")).toBe(11);
    expect(await s.r.get("k")).toBe("Hello Redis");
    expect(await s.r.setrange("p", 5, "x")).toBe(6);
    expect(await s.r.getBuffer("p")).toEqual(Buffer.from([0, 0, 0, 0, 0, 0x78]));
    expect(await s.r.setrange("k", 11, "!!")).toBe(13);
    expect(await s.r.get("k")).toBe("Hello Redis!!");
    expect(await s.r.call("OBJECT", "ENCODING", "k")).toBe("raw");
  });

  it("an empty value changes nothing", async () => {
    expect(await s.r.setrange("missing", 10, "")).toBe(0);
    expect(await s.r.exists("missing")).toBe(0);
    await s.r.set("k", "abc");
    expect(await s.r.setrange("k", 100, "")).toBe(3);
  });

  it("keeps the TTL", async () => {
    await s.r.set("k", "abc", "EX", 100);
    await s.r.setrange("k", 100, "x");
    expect(await s.r.ttl("k")).toBe(100);
    expect(await s.r.strlen("k")).toBe(101);
  });

  it("errors", async () => {
    expect(await errorOf(s.r.call("SETRANGE", "k", "-1", "x"))).toBe("ERR offset is out of range");
    expect(await errorOf(s.r.call("SETRANGE", "k", "x", "x"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.call("SETRANGE", "k", "536870912", "x"))).toBe("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    expect(await errorOf(s.r.call("SETRANGE", "k", "536870911", "xx"))).toBe("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.setrange("l", 0, "x"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.setrange("l", 0, ""))).toBe(WRONGTYPE);
  });

  it("refuses an offset whose sum with the length wraps past 2^63, creating and changing nothing", async () => {
    const TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    for (const offset of ["9223372036854775807", "9223372036854775806"]) {
      expect(await errorOf(s.r.call("SETRANGE", "fresh", offset, "x"))).toBe(TOO_LONG);
      expect(await s.r.exists("fresh")).toBe(0);
      await s.r.set("k", "abc");
      expect(await errorOf(s.r.call("SETRANGE", "k", offset, "x"))).toBe(TOO_LONG);
      expect(await s.r.get("k")).toBe("abc");
    }
    // The wrapped write landed a byte before the value, in its header: the plugin must still be whole.
    expect(await s.r.set("after", "fine")).toBe("OK");
    expect(await s.r.get("k")).toBe("abc");
  });

  it("huge GETRANGE, BITCOUNT and BITPOS ends clamp to the string, as in Redis", async () => {
    await s.r.set("k", "abc");
    expect(await s.r.call("GETRANGE", "k", "-9223372036854775808", "9223372036854775807")).toBe("abc");
    expect(await s.r.call("BITCOUNT", "k", "0", "9223372036854775807")).toBe(10);
    expect(await s.r.call("BITCOUNT", "k", "-9223372036854775808", "9223372036854775807", "BIT")).toBe(10);
    expect(await s.r.call("BITPOS", "k", "1", "0", "9223372036854775807")).toBe(1);
    expect(await s.r.call("BITPOS", "k", "0", "-9223372036854775808", "9223372036854775807", "BIT")).toBe(0);
  });
});
