// SETBIT, GETBIT, BITCOUNT, BITPOS and BITOP over real sockets; TEST_AGAINST=redis runs the same
// assertions against redis-server, so every expected value here is the reference's answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../../../test/helpers/target.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

let target: Target;
let r: Redis;

beforeAll(async () => {
  target = await startTarget();
  r = new Redis({ port: target.port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0 });
  await r.connect();
});
afterAll(async () => {
  r?.disconnect();
  await target?.stop();
});
beforeEach(async () => {
  await r.flushall();
});

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error reply");
}

const OFFSET_ERR = "ERR bit offset is not an integer or out of range";
const BIT_ERR = "ERR bit is not an integer or out of range";
const NOT_INT = "ERR value is not an integer or out of range";
const SYNTAX = "ERR syntax error";

describe("SETBIT / GETBIT", () => {
  it("returns the previous bit and grows the string with zero bytes", async () => {
    expect(await r.setbit("k", 10, 1)).toBe(0);
    expect(await r.getBuffer("k")).toEqual(Buffer.from([0x00, 0x20]));
    expect(await r.setbit("k", 10, 1)).toBe(1);
    expect(await r.setbit("k", 10, 0)).toBe(1);
    expect(await r.getBuffer("k")).toEqual(Buffer.from([0x00, 0x00]));
    expect(await r.setbit("k", 0, 1)).toBe(0);
    expect(await r.getBuffer("k")).toEqual(Buffer.from([0x80, 0x00]));
  });

  it("setting a bit to 0 past the end still grows the string", async () => {
    await r.set("k", "a");
    expect(await r.setbit("k", 31, 0)).toBe(0);
    expect(await r.getBuffer("k")).toEqual(Buffer.from([0x61, 0, 0, 0]));
  });

  it("reads bits of an existing string MSB first", async () => {
    await r.set("k", "`"); // 0b01100000
    expect(await r.getbit("k", 0)).toBe(0);
    expect(await r.getbit("k", 1)).toBe(1);
    expect(await r.getbit("k", 2)).toBe(1);
    expect(await r.getbit("k", 3)).toBe(0);
    expect(await r.getbit("k", 100)).toBe(0);
  });

  it("reads bits of an integer-looking string as its text", async () => {
    await r.set("k", "12"); // '1' = 0x31
    expect(await r.getbit("k", 2)).toBe(1);
    expect(await r.getbit("k", 7)).toBe(1);
    expect(await r.getbit("k", 6)).toBe(0);
  });

  it("GETBIT on a missing key is 0 and creates nothing", async () => {
    expect(await r.getbit("nokey", 5)).toBe(0);
    expect(await r.getbit("nokey", 4294967295)).toBe(0);
    expect(await r.exists("nokey")).toBe(0);
  });

  it("accepts the maximum offset 2^32-1 and rejects 2^32", async () => {
    expect(await errorOf(r.call("SETBIT", "k", "4294967296", "1"))).toBe(OFFSET_ERR);
    expect(await errorOf(r.call("GETBIT", "k", "4294967296"))).toBe(OFFSET_ERR);
    expect(await r.exists("k")).toBe(0);
    expect(await r.getbit("k", 4294967295)).toBe(0);
  });

  it("SETBIT at offset 2^32-1 makes a 512 MiB string", async () => {
    expect(await r.setbit("big", 4294967295, 1)).toBe(0);
    expect(await r.strlen("big")).toBe(536870912);
    expect(await r.getbit("big", 4294967295)).toBe(1);
    expect(await r.getbit("big", 4294967294)).toBe(0);
    await r.del("big");
  }, 60_000);

  it("rejects bad offsets with the offset error", async () => {
    for (const off of ["-1", "x", "", "1.5", "01", "+1", " 1", "99999999999999999999"]) {
      expect(await errorOf(r.call("SETBIT", "k", off, "1")), off).toBe(OFFSET_ERR);
      expect(await errorOf(r.call("GETBIT", "k", off)), off).toBe(OFFSET_ERR);
    }
  });

  it("rejects a bit value other than 0 or 1, even on a missing key", async () => {
    for (const bit of ["2", "-1", "x", "", "1.0", "01"]) {
      expect(await errorOf(r.call("SETBIT", "k", "1", bit)), bit).toBe(BIT_ERR);
    }
    expect(await r.exists("k")).toBe(0);
  });

  it("checks the offset before the bit", async () => {
    expect(await errorOf(r.call("SETBIT", "k", "x", "x"))).toBe(OFFSET_ERR);
  });

  it("checks arity", async () => {
    expect(await errorOf(r.call("SETBIT", "k", "1"))).toBe("ERR wrong number of arguments for 'setbit' command");
    expect(await errorOf(r.call("GETBIT", "k"))).toBe("ERR wrong number of arguments for 'getbit' command");
  });
});

describe("encoding after bit writes", () => {
  it("a bit command's result is a raw string; reads leave the encoding alone", async () => {
    await r.set("k", "123");
    await r.setbit("k", 0, 0);
    expect(await r.object("ENCODING", "k")).toBe("raw");
    await r.set("s", "ab");
    await r.bitop("OR", "d", "s");
    expect(await r.object("ENCODING", "d")).toBe("raw");
    await r.set("n", "12");
    await r.call("BITFIELD", "n", "GET", "u8", "0");
    await r.getbit("n", 3);
    expect(await r.object("ENCODING", "n")).toBe("int");
    await r.call("BITFIELD", "n", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1000");
    expect(await r.object("ENCODING", "n")).toBe("raw");
  });
});

describe("BITCOUNT", () => {
  beforeEach(async () => {
    await r.set("k", "foobar");
  });

  it("counts the whole string", async () => {
    expect(await r.bitcount("k")).toBe(26);
    expect(await r.bitcount("nokey")).toBe(0);
  });

  it("counts byte ranges with negative indexes and clamping", async () => {
    expect(await r.bitcount("k", 0, 0)).toBe(4);
    expect(await r.bitcount("k", 1, 1)).toBe(6);
    expect(await r.call("BITCOUNT", "k", "0", "-1", "byte")).toBe(26);
    expect(await r.bitcount("k", -2, -1)).toBe(7);
    expect(await r.bitcount("k", -100, 100)).toBe(26);
    expect(await r.bitcount("k", -1, -2)).toBe(0);
    expect(await r.bitcount("k", 4, 2)).toBe(0);
    expect(await r.bitcount("k", 6, 10)).toBe(0);
  });

  it("counts bit ranges", async () => {
    expect(await r.call("BITCOUNT", "k", "5", "30", "BIT")).toBe(17);
    expect(await r.call("BITCOUNT", "k", "-3", "-1", "bit")).toBe(1);
    expect(await r.call("BITCOUNT", "k", "0", "-1", "BIT")).toBe(26);
    expect(await r.call("BITCOUNT", "k", "1", "1", "BIT")).toBe(1);
    expect(await r.call("BITCOUNT", "k", "3", "3", "BIT")).toBe(0);
    expect(await r.call("BITCOUNT", "k", "9", "12", "BIT")).toBe(3);
    expect(await r.call("BITCOUNT", "k", "47", "100", "BIT")).toBe(0);
    expect(await r.call("BITCOUNT", "k", "40", "100", "BIT")).toBe(4);
    expect(await r.call("BITCOUNT", "k", "9223372036854775807", "-9223372036854775808", "bit")).toBe(0);
  });

  it("counts a long string (word-at-a-time paths)", async () => {
    const buf = Buffer.alloc(1001);
    for (let i = 0; i < buf.length; i++) buf[i] = (i * 37) & 0xff;
    const ones = [...buf].reduce((n, b) => n + b.toString(2).replaceAll("0", "").length, 0);
    await r.set("long", buf);
    expect(await r.bitcount("long")).toBe(ones);
    expect(await r.call("BITCOUNT", "long", "3", "-4", "BIT")).toBe(
      ones - (buf[0] >> 5).toString(2).replaceAll("0", "").length - (buf[1000] & 7).toString(2).replaceAll("0", "").length,
    );
  });

  it("rejects bad ranges and options", async () => {
    expect(await errorOf(r.call("BITCOUNT", "k", "0"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITCOUNT", "k", "0", "1", "2"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITCOUNT", "k", "0", "1", "bit", "x"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITCOUNT", "k", "0", "-1", "bitx"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITCOUNT", "k", "a", "b"))).toBe(NOT_INT);
    expect(await errorOf(r.call("BITCOUNT", "k", "0", "99999999999999999999"))).toBe(NOT_INT);
  });

  it("answers 0 for a missing key with a valid range", async () => {
    expect(await r.call("BITCOUNT", "nokey", "0", "1", "BIT")).toBe(0);
  });
});

describe("BITPOS", () => {
  it("finds the first set or clear bit", async () => {
    await r.set("k", Buffer.from([0xff, 0xf0, 0x00]));
    expect(await r.bitpos("k", 0)).toBe(12);
    expect(await r.bitpos("k", 1)).toBe(0);
    await r.set("k", Buffer.from([0x00, 0xff, 0xf0]));
    expect(await r.bitpos("k", 1, 0)).toBe(8);
    expect(await r.bitpos("k", 1, 2, -1)).toBe(16);
    expect(await r.call("BITPOS", "k", "1", "2", "-1", "byte")).toBe(16);
    expect(await r.call("BITPOS", "k", "1", "7", "15", "bit")).toBe(8);
    expect(await r.call("BITPOS", "k", "0", "8", "-1", "BIT")).toBe(20);
    expect(await r.call("BITPOS", "k", "1", "-4", "-1", "BIT")).toBe(-1);
    expect(await r.call("BITPOS", "k", "1", "-5", "-1", "BIT")).toBe(19);
  });

  it("treats a missing key as an endless run of zeros", async () => {
    expect(await r.bitpos("nokey", 0)).toBe(0);
    expect(await r.bitpos("nokey", 1)).toBe(-1);
    expect(await r.call("BITPOS", "nokey", "1", "5", "10", "BIT")).toBe(-1);
    expect(await r.call("BITPOS", "nokey", "0", "5", "10", "BIT")).toBe(0);
  });

  it("pads with zeros only when no end is given", async () => {
    await r.set("k", Buffer.from([0xff, 0xff, 0xff]));
    expect(await r.bitpos("k", 0)).toBe(24);
    expect(await r.bitpos("k", 0, 0)).toBe(24);
    expect(await r.bitpos("k", 0, 1)).toBe(24);
    expect(await r.bitpos("k", 0, 0, -1)).toBe(-1);
    expect(await r.call("BITPOS", "k", "0", "0", "-1", "BIT")).toBe(-1);
    expect(await r.call("BITPOS", "k", "0", "3", "10", "BIT")).toBe(-1);
  });

  it("searches for 1 in all-zero data", async () => {
    await r.set("k", Buffer.alloc(40));
    expect(await r.bitpos("k", 1)).toBe(-1);
    expect(await r.bitpos("k", 0)).toBe(0);
    expect(await r.bitpos("k", 0, 39)).toBe(312);
  });

  it("finds a bit deep in a long string", async () => {
    const buf = Buffer.alloc(100, 0xff);
    buf[77] = 0xfb;
    await r.set("k", buf);
    expect(await r.bitpos("k", 0)).toBe(77 * 8 + 5);
    expect(await r.bitpos("k", 0, 78)).toBe(800);
    const zeros = Buffer.alloc(100);
    zeros[61] = 0x01;
    await r.set("z", zeros);
    expect(await r.bitpos("z", 1)).toBe(61 * 8 + 7);
    expect(await r.call("BITPOS", "z", "1", "3", "495", "BIT")).toBe(495);
    expect(await r.call("BITPOS", "z", "1", "3", "494", "BIT")).toBe(-1);
  });

  it("returns -1 for an empty range or an empty string", async () => {
    await r.set("k", "foobar");
    expect(await r.bitpos("k", 1, 4, 2)).toBe(-1);
    expect(await r.bitpos("k", 1, 10, 20)).toBe(-1);
    expect(await r.bitpos("k", 0, -1, -2)).toBe(-1);
    await r.set("e", "");
    expect(await r.bitpos("e", 0)).toBe(-1);
    expect(await r.bitpos("e", 1)).toBe(-1);
  });

  it("rejects bad arguments", async () => {
    await r.set("k", "foobar");
    expect(await errorOf(r.call("BITPOS", "k", "2"))).toBe("ERR The bit argument must be 1 or 0.");
    expect(await errorOf(r.call("BITPOS", "k", "x"))).toBe(NOT_INT);
    expect(await errorOf(r.call("BITPOS", "k", "1", "x"))).toBe(NOT_INT);
    expect(await errorOf(r.call("BITPOS", "k", "1", "0", "x"))).toBe(NOT_INT);
    expect(await errorOf(r.call("BITPOS", "k", "1", "0", "-1", "x"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITPOS", "k", "1", "0", "-1", "bit", "extra"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITPOS", "nokey", "2"))).toBe("ERR The bit argument must be 1 or 0.");
  });
});

describe("BITOP", () => {
  beforeEach(async () => {
    await r.set("a", "foobar");
    await r.set("b", "abcdef");
    await r.set("s", "ab");
  });

  it("AND, OR, XOR of equal lengths", async () => {
    expect(await r.bitop("AND", "d", "a", "b")).toBe(6);
    expect(await r.get("d")).toBe("`bc`ab");
    expect(await r.bitop("or", "d", "a", "b")).toBe(6);
    expect(await r.get("d")).toBe("goofev");
    expect(await r.bitop("XOR", "d", "a", "b")).toBe(6);
    expect(await r.getBuffer("d")).toEqual(Buffer.from([0x07, 0x0d, 0x0c, 0x06, 0x04, 0x14]));
  });

  it("pads shorter and missing sources with zeros", async () => {
    expect(await r.bitop("OR", "d", "a", "s")).toBe(6);
    expect(await r.get("d")).toBe("goobar");
    expect(await r.bitop("AND", "d", "a", "s")).toBe(6);
    expect(await r.getBuffer("d")).toEqual(Buffer.from([0x60, 0x62, 0, 0, 0, 0]));
    expect(await r.bitop("AND", "d", "a", "nokey")).toBe(6);
    expect(await r.getBuffer("d")).toEqual(Buffer.alloc(6));
    expect(await r.bitop("XOR", "d", "nokey", "s")).toBe(2);
    expect(await r.get("d")).toBe("ab");
  });

  it("NOT of one key", async () => {
    expect(await r.bitop("NOT", "d", "a")).toBe(6);
    expect(await r.getBuffer("d")).toEqual(Buffer.from([0x99, 0x90, 0x90, 0x9d, 0x9e, 0x8d]));
  });

  it("a single source copies it (or complements it)", async () => {
    expect(await r.bitop("AND", "d", "a")).toBe(6);
    expect(await r.get("d")).toBe("foobar");
  });

  it("works in place and over long strings", async () => {
    const x = Buffer.alloc(203);
    const y = Buffer.alloc(150);
    for (let i = 0; i < x.length; i++) x[i] = (i * 13 + 7) & 0xff;
    for (let i = 0; i < y.length; i++) y[i] = (i * 29 + 3) & 0xff;
    await r.set("x", x);
    await r.set("y", y);
    const expected = (op: (p: number, q: number) => number) =>
      Buffer.from(x.map((v, i) => op(v, i < y.length ? y[i] : 0) & 0xff));
    expect(await r.bitop("AND", "d", "x", "y")).toBe(203);
    expect(await r.getBuffer("d")).toEqual(expected((p, q) => p & q));
    expect(await r.bitop("OR", "d", "x", "y")).toBe(203);
    expect(await r.getBuffer("d")).toEqual(expected((p, q) => p | q));
    expect(await r.bitop("XOR", "x", "x", "y")).toBe(203);
    expect(await r.getBuffer("x")).toEqual(expected((p, q) => p ^ q));
    expect(await r.bitop("NOT", "y", "y")).toBe(150);
    expect(await r.getBuffer("y")).toEqual(Buffer.from(y.map((v) => ~v & 0xff)));
  });

  it("an empty result deletes the destination", async () => {
    await r.set("d", "old");
    expect(await r.bitop("AND", "d", "x", "y")).toBe(0);
    expect(await r.exists("d")).toBe(0);
    expect(await r.bitop("NOT", "d", "x")).toBe(0);
    expect(await r.exists("d")).toBe(0);
    await r.set("e", "");
    await r.set("d", "old");
    expect(await r.bitop("OR", "d", "e", "nokey")).toBe(0);
    expect(await r.exists("d")).toBe(0);
  });

  it("clears the destination's TTL", async () => {
    await r.set("d", "old", "EX", 100);
    await r.bitop("OR", "d", "a");
    expect(await r.ttl("d")).toBe(-1);
  });

  it("rejects bad operations", async () => {
    expect(await errorOf(r.call("BITOP", "NOT", "d", "a", "b"))).toBe("ERR BITOP NOT must be called with a single source key.");
    expect(await errorOf(r.call("BITOP", "NAND", "d", "a"))).toBe(SYNTAX);
    expect(await errorOf(r.call("BITOP", "AND", "d"))).toBe("ERR wrong number of arguments for 'bitop' command");
  });
});

describe("a key of another type", () => {
  it("is WRONGTYPE to every bit command, except as BITOP's destination, which it replaces", async () => {
    const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    await otherTypeKey(r, "l");
    expect(await errorOf(r.call("SETBIT", "l", "0", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(r.call("GETBIT", "l", "0"))).toBe(WRONGTYPE);
    expect(await errorOf(r.call("BITCOUNT", "l"))).toBe(WRONGTYPE);
    expect(await errorOf(r.call("BITPOS", "l", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(r.call("BITOP", "AND", "d", "l"))).toBe(WRONGTYPE);
    await r.set("s", "ab");
    expect(await r.call("BITOP", "NOT", "l", "s")).toBe(2);
    expect(await r.type("l")).toBe("string");
  });
});
