// BITFIELD and BITFIELD_RO over real sockets; TEST_AGAINST=redis checks the same assertions on redis-server.
import { beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });
// Integers beyond 2^53 lose digits as JS numbers: this client keeps them as exact text.
let exact: Redis;
beforeAll(() => {
  exact = s.client({ stringNumbers: true });
});

const bf = (...args: (string | number)[]) => s.r.call("BITFIELD", "k", ...args.map(String));
const bfx = (...args: (string | number)[]) => exact.call("BITFIELD", "k", ...args.map(String));
const bfro = (...args: (string | number)[]) => s.r.call("BITFIELD_RO", "k", ...args.map(String));

const TYPE_ERR = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
const OFFSET_ERR = "ERR bit offset is not an integer or out of range";
const NOT_INT = "ERR value is not an integer or out of range";
const SYNTAX = "ERR syntax error";
const RO_ERR = "ERR BITFIELD_RO only supports the GET subcommand";

describe("BITFIELD GET / SET", () => {
  it("SET returns the old value and GET reads it back, signed and unsigned", async () => {
    expect(await bf("GET", "u8", 0, "SET", "i8", 0, -100, "GET", "i8", 0, "GET", "u8", 0)).toEqual([0, 0, -100, 156]);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x9c]));
  });

  it("lays fields out MSB first at unaligned offsets", async () => {
    expect(await bf("SET", "u5", 7, 23)).toEqual([0]);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x01, 0x70]));
    expect(await bf("GET", "u5", 7, "GET", "i5", 7, "GET", "u1", 7, "GET", "u12", 4)).toEqual([23, -9, 1, 0x170]);
  });

  it("reads past the end as zeros and never creates the key for GET alone", async () => {
    await s.r.set("k", Buffer.from([0xff]));
    expect(await bf("GET", "u16", 0, "GET", "i16", 0, "GET", "u8", 100)).toEqual([0xff00, -256, 0]);
    expect(await s.r.call("BITFIELD", "nokey", "GET", "u8", "0")).toEqual([0]);
    expect(await s.r.exists("nokey")).toBe(0);
  });

  it("SET grows the string just enough to hold the field", async () => {
    expect(await bf("SET", "u8", 20, 255)).toEqual([0]);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x00, 0x00, 0x0f, 0xf0]));
    expect(await s.r.call("BITFIELD", "n2", "SET", "u8", "0", "0")).toEqual([0]);
    expect(await s.r.getBuffer("n2")).toEqual(Buffer.from([0x00]));
  });

  it("handles 64-bit signed and 63-bit unsigned fields", async () => {
    expect(await bfx("SET", "i64", 0, "-9223372036854775808", "GET", "i64", 0, "GET", "u63", 0)).toEqual([
      "0",
      "-9223372036854775808",
      "4611686018427387904",
    ]);
    expect(await bfx("SET", "i64", 3, "9223372036854775807", "GET", "i64", 3, "GET", "u63", 4)).toEqual([
      "0",
      "9223372036854775807",
      "9223372036854775807",
    ]);
  });

  it("reads a 64-bit field that spans 9 bytes", async () => {
    await s.r.set("k", Buffer.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xff]));
    expect(await bfx("GET", "u63", 4, "GET", "u8", 4, "GET", "u4", 68, "GET", "i64", 8)).toEqual([
      String((0x0123456789abcdefffn >> 5n) & 0x7fffffffffffffffn),
      "18",
      "15",
      String(BigInt.asIntN(64, 0x23456789abcdefffn)),
    ]);
  });

  it("supports #N offsets multiplied by the width", async () => {
    expect(await bf("SET", "u8", "#1", 200, "SET", "i4", "#3", -2, "GET", "u8", 8, "GET", "i4", 12)).toEqual([0, -8, 206, -2]);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x00, 0xce]));
    expect(await bf("GET", "i8", "#536870911")).toEqual([0]);
  });

  it("SET stores values wrapped to the field width by default", async () => {
    expect(await bf("SET", "u8", 0, -1, "GET", "u8", 0, "SET", "u8", 0, 256, "GET", "u8", 0)).toEqual([0, 255, 255, 0]);
    expect(await bf("SET", "i8", 0, 200, "GET", "i8", 0)).toEqual([0, -56]);
  });

  it("an empty BITFIELD replies with an empty array and creates nothing", async () => {
    expect(await s.r.call("BITFIELD", "k")).toEqual([]);
    expect(await s.r.exists("k")).toBe(0);
  });

  it("keywords are case-insensitive", async () => {
    expect(await bf("set", "u8", 0, 5, "Get", "u8", 0, "overflow", "Sat", "incrBY", "u8", 0, 1000)).toEqual([0, 5, 255]);
  });
});

describe("BITFIELD INCRBY and OVERFLOW", () => {
  it("INCRBY returns the new value; WRAP is the default", async () => {
    expect(await bf("INCRBY", "u2", 100, 1, "INCRBY", "u2", 100, 1, "INCRBY", "u2", 100, 2)).toEqual([1, 2, 0]);
    expect(await bf("SET", "i8", 0, 127, "INCRBY", "i8", 0, 1, "INCRBY", "i8", 0, -1)).toEqual([0, -128, 127]);
    expect(await bf("INCRBY", "u8", 8, -1)).toEqual([255]);
  });

  it("SAT clamps to the type's range", async () => {
    expect(await bf("OVERFLOW", "SAT", "INCRBY", "u2", 102, 1, "INCRBY", "u2", 102, 10, "GET", "u4", 100)).toEqual([1, 3, 3]);
    expect(await bf("OVERFLOW", "SAT", "INCRBY", "i8", 0, -200, "GET", "i8", 0, "INCRBY", "i8", 0, 1000)).toEqual([-128, -128, 127]);
    expect(await bf("OVERFLOW", "SAT", "SET", "i8", 0, 300, "GET", "i8", 0, "SET", "u8", 0, -5, "GET", "u8", 0)).toEqual([127, 127, 127, 255]);
    expect(await bf("OVERFLOW", "SAT", "SET", "u8", 0, 0, "INCRBY", "u8", 0, -1)).toEqual([255, 0]);
  });

  it("FAIL replies nil and leaves the field alone", async () => {
    expect(await bf("OVERFLOW", "FAIL", "INCRBY", "u8", 0, 300)).toEqual([null]);
    expect(await bf("OVERFLOW", "FAIL", "SET", "u8", 0, 255, "INCRBY", "u8", 0, 1, "GET", "u8", 0)).toEqual([0, null, 255]);
    expect(await bf("OVERFLOW", "FAIL", "SET", "i8", 0, 200, "SET", "u8", 0, 256, "SET", "u8", 0, -1, "INCRBY", "u8", 0, -256)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("FAIL still creates the key, zero-filled", async () => {
    expect(await bf("OVERFLOW", "FAIL", "INCRBY", "u8", 8, 300)).toEqual([null]);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0, 0]));
  });

  it("OVERFLOW applies only to the operations after it", async () => {
    expect(await bf("INCRBY", "u8", 0, 300, "OVERFLOW", "SAT", "INCRBY", "u8", 8, 300, "OVERFLOW", "WRAP", "INCRBY", "u8", 16, 300)).toEqual([
      44,
      255,
      44,
    ]);
  });

  it("64-bit signed overflow in every mode", async () => {
    await bf("SET", "i64", 0, "9223372036854775807");
    expect(await bfx("INCRBY", "i64", 0, 1)).toEqual(["-9223372036854775808"]);
    expect(await bfx("OVERFLOW", "SAT", "INCRBY", "i64", 0, -1)).toEqual(["-9223372036854775808"]);
    expect(await bfx("OVERFLOW", "SAT", "INCRBY", "i64", 0, "9223372036854775807", "INCRBY", "i64", 0, 1)).toEqual([
      "-1",
      "0",
    ]);
    expect(await bfx("OVERFLOW", "SAT", "SET", "i64", 0, "9223372036854775807", "INCRBY", "i64", 0, 5)).toEqual([
      "0",
      "9223372036854775807",
    ]);
    expect(await bfx("OVERFLOW", "FAIL", "INCRBY", "i64", 0, 1, "INCRBY", "i64", 0, -1)).toEqual([null, "9223372036854775806"]);
    expect(await bfx("SET", "i64", 0, "-9223372036854775808", "OVERFLOW", "FAIL", "INCRBY", "i64", 0, -1)).toEqual([
      "9223372036854775806",
      null,
    ]);
  });

  it("63-bit unsigned overflow in every mode", async () => {
    await bf("SET", "u63", 0, "9223372036854775807");
    expect(await bf("OVERFLOW", "FAIL", "INCRBY", "u63", 0, 1)).toEqual([null]);
    expect(await bfx("OVERFLOW", "WRAP", "INCRBY", "u63", 0, 1, "INCRBY", "u63", 0, -1)).toEqual(["0", "9223372036854775807"]);
    expect(await bfx("OVERFLOW", "SAT", "INCRBY", "u63", 0, "9223372036854775807")).toEqual(["9223372036854775807"]);
    expect(await bfx("OVERFLOW", "SAT", "INCRBY", "u63", 0, "-9223372036854775808")).toEqual(["0"]);
  });

  it("rejects an unknown overflow mode", async () => {
    expect(await errorOf(bf("OVERFLOW", "foo"))).toBe("ERR Invalid OVERFLOW type specified");
  });
});

describe("BITFIELD argument errors", () => {
  it("rejects invalid types", async () => {
    for (const t of ["u64", "i65", "x8", "i0", "u0", "u", "i", "8", "I8", "U8", "i-1", "u08x", ""]) {
      expect(await errorOf(bf("GET", t, 0)), t).toBe(TYPE_ERR);
    }
    expect(await bf("GET", "i64", 0, "GET", "u63", 0, "GET", "u1", 0, "GET", "i1", 0)).toEqual([0, 0, 0, 0]);
  });

  it("rejects bad offsets, including #N past the limit", async () => {
    for (const off of ["-1", "x", "#x", "#-1", "4294967296", "#536870912", "1.5", ""]) {
      expect(await errorOf(bf("GET", "i8", off)), off).toBe(OFFSET_ERR);
    }
    expect(await bf("GET", "i8", 4294967295)).toEqual([0]);
  });

  it("rejects bad values and increments", async () => {
    expect(await errorOf(bf("SET", "u8", 0, "abc"))).toBe(NOT_INT);
    expect(await errorOf(bf("INCRBY", "u8", 0, "1.5"))).toBe(NOT_INT);
    expect(await errorOf(bf("SET", "i64", 0, "9223372036854775808"))).toBe(NOT_INT);
  });

  it("rejects unknown or incomplete subcommands", async () => {
    expect(await errorOf(bf("bogus"))).toBe(SYNTAX);
    expect(await errorOf(bf("GET", "u8"))).toBe(SYNTAX);
    expect(await errorOf(bf("SET", "u8", 0))).toBe(SYNTAX);
    expect(await errorOf(bf("INCRBY", "u8", 0))).toBe(SYNTAX);
    expect(await errorOf(bf("OVERFLOW"))).toBe(SYNTAX);
  });

  it("validates every operation before running any", async () => {
    expect(await errorOf(bf("SET", "u8", 0, 1, "GET", "u64", 0))).toBe(TYPE_ERR);
    expect(await s.r.exists("k")).toBe(0);
    expect(await errorOf(bf("SET", "u8", 0, 1, "bogus"))).toBe(SYNTAX);
    expect(await s.r.exists("k")).toBe(0);
  });

  it("checks arity", async () => {
    expect(await errorOf(s.r.call("BITFIELD"))).toBe("ERR wrong number of arguments for 'bitfield' command");
  });
});

describe("BITFIELD_RO", () => {
  it("runs GETs", async () => {
    await s.r.set("k", Buffer.from([0xc8, 0x80]));
    expect(await bfro("GET", "u8", 0, "GET", "i4", 4, "GET", "u4", "#2")).toEqual([200, -8, 8]);
    expect(await s.r.call("BITFIELD_RO", "nokey", "GET", "u8", "0")).toEqual([0]);
    expect(await s.r.exists("nokey")).toBe(0);
    expect(await bfro()).toEqual([]);
  });

  it("refuses anything but GET", async () => {
    expect(await errorOf(bfro("SET", "u8", 0, 1))).toBe(RO_ERR);
    expect(await errorOf(bfro("INCRBY", "u8", 0, 1))).toBe(RO_ERR);
    expect(await errorOf(bfro("GET", "u8", 0, "OVERFLOW", "WRAP", "INCRBY", "u8", 0, 1))).toBe(RO_ERR);
    expect(await s.r.exists("k")).toBe(0);
  });

  it("reports argument errors before the read-only refusal", async () => {
    expect(await errorOf(bfro("SET", "u64", 0, 1))).toBe(TYPE_ERR);
    expect(await errorOf(bfro("GET", "u8", "x"))).toBe(OFFSET_ERR);
    expect(await errorOf(bfro("OVERFLOW", "foo"))).toBe("ERR Invalid OVERFLOW type specified");
    expect(await errorOf(bfro("bogus"))).toBe(SYNTAX);
  });
});

describe("a key of another type", () => {
  it("is WRONGTYPE to BITFIELD and BITFIELD_RO", async () => {
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("BITFIELD", "l", "GET", "u8", "0"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BITFIELD", "l", "SET", "u8", "0", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BITFIELD_RO", "l", "GET", "u8", "0"))).toBe(WRONGTYPE);
  });
});
