// SETBIT, GETBIT, BITCOUNT, BITPOS and BITOP over real sockets; TEST_AGAINST=redis runs the same
// assertions against redis-server, so every expected value here is the reference's answer.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });

const OFFSET_ERR = "ERR bit offset is not an integer or out of range";
const BIT_ERR = "ERR bit is not an integer or out of range";
const NOT_INT = "ERR value is not an integer or out of range";
const SYNTAX = "ERR syntax error";

describe("SETBIT / GETBIT", () => {
  it("returns the previous bit and grows the string with zero bytes", async () => {
    expect(await s.r.setbit("k", 10, 1)).toBe(0);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x00, 0x20]));
    expect(await s.r.setbit("k", 10, 1)).toBe(1);
    expect(await s.r.setbit("k", 10, 0)).toBe(1);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x00, 0x00]));
    expect(await s.r.setbit("k", 0, 1)).toBe(0);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x80, 0x00]));
  });

  it("setting a bit to 0 past the end still grows the string", async () => {
    await s.r.set("k", "a");
    expect(await s.r.setbit("k", 31, 0)).toBe(0);
    expect(await s.r.getBuffer("k")).toEqual(Buffer.from([0x61, 0, 0, 0]));
  });

  it("reads bits of an existing string MSB first", async () => {
    await s.r.set("k", "`"); // 0b01100000
    expect(await s.r.getbit("k", 0)).toBe(0);
    expect(await s.r.getbit("k", 1)).toBe(1);
    expect(await s.r.getbit("k", 2)).toBe(1);
    expect(await s.r.getbit("k", 3)).toBe(0);
    expect(await s.r.getbit("k", 100)).toBe(0);
  });

  it("reads bits of an integer-looking string as its text", async () => {
    await s.r.set("k", "12"); // '1' = 0x31
    expect(await s.r.getbit("k", 2)).toBe(1);
    expect(await s.r.getbit("k", 7)).toBe(1);
    expect(await s.r.getbit("k", 6)).toBe(0);
  });

  it("GETBIT on a missing key is 0 and creates nothing", async () => {
    expect(await s.r.getbit("nokey", 5)).toBe(0);
    expect(await s.r.getbit("nokey", 4294967295)).toBe(0);
    expect(await s.r.exists("nokey")).toBe(0);
  });

  it("accepts the maximum offset 2^32-1 and rejects 2^32", async () => {
    expect(await errorOf(s.r.call("SETBIT", "k", "4294967296", "1"))).toBe(OFFSET_ERR);
    expect(await errorOf(s.r.call("GETBIT", "k", "4294967296"))).toBe(OFFSET_ERR);
    expect(await s.r.exists("k")).toBe(0);
    expect(await s.r.getbit("k", 4294967295)).toBe(0);
  });

  it("SETBIT at offset 2^32-1 makes a 512 MiB string", async () => {
    expect(await s.r.setbit("big", 4294967295, 1)).toBe(0);
    expect(await s.r.strlen("big")).toBe(536870912);
    expect(await s.r.getbit("big", 4294967295)).toBe(1);
    expect(await s.r.getbit("big", 4294967294)).toBe(0);
    await s.r.del("big");
  }, 60_000);

  it("rejects bad offsets with the offset error", async () => {
    for (const off of ["-1", "x", "", "1.5", "01", "+1", " 1", "99999999999999999999"]) {
      expect(await errorOf(s.r.call("SETBIT", "k", off, "1")), off).toBe(OFFSET_ERR);
      expect(await errorOf(s.r.call("GETBIT", "k", off)), off).toBe(OFFSET_ERR);
    }
  });

  it("rejects a bit value other than 0 or 1, even on a missing key", async () => {
    for (const bit of ["2", "-1", "x", "", "1.0", "01"]) {
      expect(await errorOf(s.r.call("SETBIT", "k", "1", bit)), bit).toBe(BIT_ERR);
    }
    expect(await s.r.exists("k")).toBe(0);
  });

  it("checks the offset before the bit", async () => {
    expect(await errorOf(s.r.call("SETBIT", "k", "x", "x"))).toBe(OFFSET_ERR);
  });

  it("checks arity", async () => {
    expect(await errorOf(s.r.call("SETBIT", "k", "1"))).toBe("ERR wrong number of arguments for 'setbit' command");
    expect(await errorOf(s.r.call("GETBIT", "k"))).toBe("ERR wrong number of arguments for 'getbit' command");
  });
});

describe("encoding after bit writes", () => {
  it("a bit command's result is a raw string; reads leave the encoding alone", async () => {
    await s.r.set("k", "123");
    await s.r.setbit("k", 0, 0);
    expect(await s.r.object("ENCODING", "k")).toBe("raw");
    await s.r.set("s", "ab");
    await s.r.bitop("OR", "d", "s");
    expect(await s.r.object("ENCODING", "d")).toBe("raw");
    await s.r.set("n", "12");
    await s.r.call("BITFIELD", "n", "GET", "u8", "0");
    await s.r.getbit("n", 3);
    expect(await s.r.object("ENCODING", "n")).toBe("int");
    await s.r.call("BITFIELD", "n", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1000");
    expect(await s.r.object("ENCODING", "n")).toBe("raw");
  });
});

describe("BITCOUNT", () => {
  beforeEach(async () => {
    await s.r.set("k", "foobar");
  });

  it("counts the whole string", async () => {
    expect(await s.r.bitcount("k")).toBe(26);
    expect(await s.r.bitcount("nokey")).toBe(0);
  });

  it("counts byte ranges with negative indexes and clamping", async () => {
    expect(await s.r.bitcount("k", 0, 0)).toBe(4);
    expect(await s.r.bitcount("k", 1, 1)).toBe(6);
    expect(await s.r.call("BITCOUNT", "k", "0", "-1", "byte")).toBe(26);
    expect(await s.r.bitcount("k", -2, -1)).toBe(7);
    expect(await s.r.bitcount("k", -100, 100)).toBe(26);
    expect(await s.r.bitcount("k", -1, -2)).toBe(0);
    expect(await s.r.bitcount("k", 4, 2)).toBe(0);
    expect(await s.r.bitcount("k", 6, 10)).toBe(0);
  });

  it("counts bit ranges", async () => {
    expect(await s.r.call("BITCOUNT", "k", "5", "30", "BIT")).toBe(17);
    expect(await s.r.call("BITCOUNT", "k", "-3", "-1", "bit")).toBe(1);
    expect(await s.r.call("BITCOUNT", "k", "0", "-1", "BIT")).toBe(26);
    expect(await s.r.call("BITCOUNT", "k", "1", "1", "BIT")).toBe(1);
    expect(await s.r.call("BITCOUNT", "k", "3", "3", "BIT")).toBe(0);
    expect(await s.r.call("BITCOUNT", "k", "9", "12", "BIT")).toBe(3);
    expect(await s.r.call("BITCOUNT", "k", "47", "100", "BIT")).toBe(0);
    expect(await s.r.call("BITCOUNT", "k", "40", "100", "BIT")).toBe(4);
    expect(await s.r.call("BITCOUNT", "k", "9223372036854775807", "-9223372036854775808", "bit")).toBe(0);
  });

  it("counts a long string (word-at-a-time paths)", async () => {
    const buf = Buffer.alloc(1001);
    for (let i = 0; i < buf.length; i++) buf[i] = (i * 37) & 0xff;
    const ones = [...buf].reduce((n, b) => n + b.toString(2).replaceAll("0", "").length, 0);
    await s.r.set("long", buf);
    expect(await s.r.bitcount("long")).toBe(ones);
    expect(await s.r.call("BITCOUNT", "long", "3", "-4", "BIT")).toBe(
      ones - (buf[0] >> 5).toString(2).replaceAll("0", "").length - (buf[1000] & 7).toString(2).replaceAll("0", "").length,
    );
  });

  it("rejects bad ranges and options", async () => {
    expect(await errorOf(s.r.call("BITCOUNT", "k", "0"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITCOUNT", "k", "0", "1", "2"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITCOUNT", "k", "0", "1", "bit", "x"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITCOUNT", "k", "0", "-1", "bitx"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITCOUNT", "k", "a", "b"))).toBe(NOT_INT);
    expect(await errorOf(s.r.call("BITCOUNT", "k", "0", "99999999999999999999"))).toBe(NOT_INT);
  });

  it("answers 0 for a missing key with a valid range", async () => {
    expect(await s.r.call("BITCOUNT", "nokey", "0", "1", "BIT")).toBe(0);
  });
});

describe("BITPOS", () => {
  it("finds the first set or clear bit", async () => {
    await s.r.set("k", Buffer.from([0xff, 0xf0, 0x00]));
    expect(await s.r.bitpos("k", 0)).toBe(12);
    expect(await s.r.bitpos("k", 1)).toBe(0);
    await s.r.set("k", Buffer.from([0x00, 0xff, 0xf0]));
    expect(await s.r.bitpos("k", 1, 0)).toBe(8);
    expect(await s.r.bitpos("k", 1, 2, -1)).toBe(16);
    expect(await s.r.call("BITPOS", "k", "1", "2", "-1", "byte")).toBe(16);
    expect(await s.r.call("BITPOS", "k", "1", "7", "15", "bit")).toBe(8);
    expect(await s.r.call("BITPOS", "k", "0", "8", "-1", "BIT")).toBe(20);
    expect(await s.r.call("BITPOS", "k", "1", "-4", "-1", "BIT")).toBe(-1);
    expect(await s.r.call("BITPOS", "k", "1", "-5", "-1", "BIT")).toBe(19);
  });

  it("treats a missing key as an endless run of zeros", async () => {
    expect(await s.r.bitpos("nokey", 0)).toBe(0);
    expect(await s.r.bitpos("nokey", 1)).toBe(-1);
    expect(await s.r.call("BITPOS", "nokey", "1", "5", "10", "BIT")).toBe(-1);
    expect(await s.r.call("BITPOS", "nokey", "0", "5", "10", "BIT")).toBe(0);
  });

  it("pads with zeros only when no end is given", async () => {
    await s.r.set("k", Buffer.from([0xff, 0xff, 0xff]));
    expect(await s.r.bitpos("k", 0)).toBe(24);
    expect(await s.r.bitpos("k", 0, 0)).toBe(24);
    expect(await s.r.bitpos("k", 0, 1)).toBe(24);
    expect(await s.r.bitpos("k", 0, 0, -1)).toBe(-1);
    expect(await s.r.call("BITPOS", "k", "0", "0", "-1", "BIT")).toBe(-1);
    expect(await s.r.call("BITPOS", "k", "0", "3", "10", "BIT")).toBe(-1);
  });

  it("searches for 1 in all-zero data", async () => {
    await s.r.set("k", Buffer.alloc(40));
    expect(await s.r.bitpos("k", 1)).toBe(-1);
    expect(await s.r.bitpos("k", 0)).toBe(0);
    expect(await s.r.bitpos("k", 0, 39)).toBe(312);
  });

  it("finds a bit deep in a long string", async () => {
    const buf = Buffer.alloc(100, 0xff);
    buf[77] = 0xfb;
    await s.r.set("k", buf);
    expect(await s.r.bitpos("k", 0)).toBe(77 * 8 + 5);
    expect(await s.r.bitpos("k", 0, 78)).toBe(800);
    const zeros = Buffer.alloc(100);
    zeros[61] = 0x01;
    await s.r.set("z", zeros);
    expect(await s.r.bitpos("z", 1)).toBe(61 * 8 + 7);
    expect(await s.r.call("BITPOS", "z", "1", "3", "495", "BIT")).toBe(495);
    expect(await s.r.call("BITPOS", "z", "1", "3", "494", "BIT")).toBe(-1);
  });

  it("returns -1 for an empty range or an empty string", async () => {
    await s.r.set("k", "foobar");
    expect(await s.r.bitpos("k", 1, 4, 2)).toBe(-1);
    expect(await s.r.bitpos("k", 1, 10, 20)).toBe(-1);
    expect(await s.r.bitpos("k", 0, -1, -2)).toBe(-1);
    await s.r.set("e", "");
    expect(await s.r.bitpos("e", 0)).toBe(-1);
    expect(await s.r.bitpos("e", 1)).toBe(-1);
  });

  it("rejects bad arguments", async () => {
    await s.r.set("k", "foobar");
    expect(await errorOf(s.r.call("BITPOS", "k", "2"))).toBe("ERR The bit argument must be 1 or 0.");
    expect(await errorOf(s.r.call("BITPOS", "k", "x"))).toBe(NOT_INT);
    expect(await errorOf(s.r.call("BITPOS", "k", "1", "x"))).toBe(NOT_INT);
    expect(await errorOf(s.r.call("BITPOS", "k", "1", "0", "x"))).toBe(NOT_INT);
    expect(await errorOf(s.r.call("BITPOS", "k", "1", "0", "-1", "x"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITPOS", "k", "1", "0", "-1", "bit", "extra"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITPOS", "nokey", "2"))).toBe("ERR The bit argument must be 1 or 0.");
  });
});

describe("BITOP", () => {
  beforeEach(async () => {
    await s.r.set("a", "foobar");
    await s.r.set("b", "abcdef");
    await s.r.set("s", "ab");
  });

  it("AND, OR, XOR of equal lengths", async () => {
    expect(await s.r.bitop("AND", "d", "a", "b")).toBe(6);
    expect(await s.r.get("d")).toBe("`bc`ab");
    expect(await s.r.bitop("or", "d", "a", "b")).toBe(6);
    expect(await s.r.get("d")).toBe("goofev");
    expect(await s.r.bitop("XOR", "d", "a", "b")).toBe(6);
    expect(await s.r.getBuffer("d")).toEqual(Buffer.from([0x07, 0x0d, 0x0c, 0x06, 0x04, 0x14]));
  });

  it("pads shorter and missing sources with zeros", async () => {
    expect(await s.r.bitop("OR", "d", "a", "s")).toBe(6);
    expect(await s.r.get("d")).toBe("goobar");
    expect(await s.r.bitop("AND", "d", "a", "s")).toBe(6);
    expect(await s.r.getBuffer("d")).toEqual(Buffer.from([0x60, 0x62, 0, 0, 0, 0]));
    expect(await s.r.bitop("AND", "d", "a", "nokey")).toBe(6);
    expect(await s.r.getBuffer("d")).toEqual(Buffer.alloc(6));
    expect(await s.r.bitop("XOR", "d", "nokey", "s")).toBe(2);
    expect(await s.r.get("d")).toBe("ab");
  });

  it("NOT of one key", async () => {
    expect(await s.r.bitop("NOT", "d", "a")).toBe(6);
    expect(await s.r.getBuffer("d")).toEqual(Buffer.from([0x99, 0x90, 0x90, 0x9d, 0x9e, 0x8d]));
  });

  it("a single source copies it (or complements it)", async () => {
    expect(await s.r.bitop("AND", "d", "a")).toBe(6);
    expect(await s.r.get("d")).toBe("foobar");
  });

  it("works in place and over long strings", async () => {
    const x = Buffer.alloc(203);
    const y = Buffer.alloc(150);
    for (let i = 0; i < x.length; i++) x[i] = (i * 13 + 7) & 0xff;
    for (let i = 0; i < y.length; i++) y[i] = (i * 29 + 3) & 0xff;
    await s.r.set("x", x);
    await s.r.set("y", y);
    const expected = (op: (p: number, q: number) => number) =>
      Buffer.from(x.map((v, i) => op(v, i < y.length ? y[i] : 0) & 0xff));
    expect(await s.r.bitop("AND", "d", "x", "y")).toBe(203);
    expect(await s.r.getBuffer("d")).toEqual(expected((p, q) => p & q));
    expect(await s.r.bitop("OR", "d", "x", "y")).toBe(203);
    expect(await s.r.getBuffer("d")).toEqual(expected((p, q) => p | q));
    expect(await s.r.bitop("XOR", "x", "x", "y")).toBe(203);
    expect(await s.r.getBuffer("x")).toEqual(expected((p, q) => p ^ q));
    expect(await s.r.bitop("NOT", "y", "y")).toBe(150);
    expect(await s.r.getBuffer("y")).toEqual(Buffer.from(y.map((v) => ~v & 0xff)));
  });

  it("an empty result deletes the destination", async () => {
    await s.r.set("d", "old");
    expect(await s.r.bitop("AND", "d", "x", "y")).toBe(0);
    expect(await s.r.exists("d")).toBe(0);
    expect(await s.r.bitop("NOT", "d", "x")).toBe(0);
    expect(await s.r.exists("d")).toBe(0);
    await s.r.set("e", "");
    await s.r.set("d", "old");
    expect(await s.r.bitop("OR", "d", "e", "nokey")).toBe(0);
    expect(await s.r.exists("d")).toBe(0);
  });

  it("clears the destination's TTL", async () => {
    await s.r.set("d", "old", "EX", 100);
    await s.r.bitop("OR", "d", "a");
    expect(await s.r.ttl("d")).toBe(-1);
  });

  it("rejects bad operations", async () => {
    expect(await errorOf(s.r.call("BITOP", "NOT", "d", "a", "b"))).toBe("ERR BITOP NOT must be called with a single source key.");
    expect(await errorOf(s.r.call("BITOP", "NAND", "d", "a"))).toBe(SYNTAX);
    expect(await errorOf(s.r.call("BITOP", "AND", "d"))).toBe("ERR wrong number of arguments for 'bitop' command");
  });
});

describe("a key of another type", () => {
  it("is WRONGTYPE to every bit command, except as BITOP's destination, which it replaces", async () => {
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("SETBIT", "l", "0", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("GETBIT", "l", "0"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BITCOUNT", "l"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BITPOS", "l", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BITOP", "AND", "d", "l"))).toBe(WRONGTYPE);
    await s.r.set("s", "ab");
    expect(await s.r.call("BITOP", "NOT", "l", "s")).toBe(2);
    expect(await s.r.type("l")).toBe("string");
  });
});
