import { describe, expect, it } from "vitest";
import { formatDouble } from "../../../runtime/src/protocol/format-double.js";
import { ReplyWriter } from "../../../runtime/src/protocol/reply-writer.js";

function encode(proto: 2 | 3, write: (w: ReplyWriter) => void): string {
  const w = new ReplyWriter();
  w.proto = proto;
  write(w);
  return w.take().toString("latin1");
}

function both(write: (w: ReplyWriter) => void): [string, string] {
  return [encode(2, write), encode(3, write)];
}

describe("reply kinds in RESP2 and RESP3", () => {
  it.each<[string, (w: ReplyWriter) => void, string, string]>([
    ["simple", (w) => w.simple("PONG"), "+PONG\r\n", "+PONG\r\n"],
    ["ok", (w) => w.ok(), "+OK\r\n", "+OK\r\n"],
    ["error", (w) => w.error("ERR unknown 'x'"), "-ERR unknown 'x'\r\n", "-ERR unknown 'x'\r\n"],
    ["int", (w) => w.int(-42), ":-42\r\n", ":-42\r\n"],
    ["null", (w) => w.null(), "$-1\r\n", "_\r\n"],
    ["nullArray", (w) => w.nullArray(), "*-1\r\n", "_\r\n"],
    ["array", (w) => w.array(3), "*3\r\n", "*3\r\n"],
    ["empty array", (w) => w.array(0), "*0\r\n", "*0\r\n"],
    ["map", (w) => w.map(3), "*6\r\n", "%3\r\n"],
    ["set", (w) => w.set(3), "*3\r\n", "~3\r\n"],
    ["push", (w) => w.push(2), "*2\r\n", ">2\r\n"],
    ["double", (w) => w.double(3.141), "$5\r\n3.141\r\n", ",3.141\r\n"],
    ["true", (w) => w.bool(true), ":1\r\n", "#t\r\n"],
    ["false", (w) => w.bool(false), ":0\r\n", "#f\r\n"],
    [
      "bigNumber",
      (w) => w.bigNumber("1234567999999999999999999999999999999"),
      "$37\r\n1234567999999999999999999999999999999\r\n",
      "(1234567999999999999999999999999999999\r\n",
    ],
    [
      "verbatim",
      (w) => w.verbatim("This is a verbatim\nstring"),
      "$25\r\nThis is a verbatim\nstring\r\n",
      "=29\r\ntxt:This is a verbatim\nstring\r\n",
    ],
    ["verbatim markdown bytes", (w) => w.verbatim(Buffer.from("# hi"), "mkd"), "$4\r\n# hi\r\n", "=8\r\nmkd:# hi\r\n"],
  ])("%s", (_name, write, resp2, resp3) => {
    // Expected bytes captured from redis-server 7.0.15 (DEBUG PROTOCOL, HELLO 3).
    expect(both(write)).toEqual([resp2, resp3]);
  });
});

describe("integers", () => {
  it.each([
    [0, ":0\r\n"],
    [7, ":7\r\n"],
    [10, ":10\r\n"],
    [-1, ":-1\r\n"],
    [1234567890, ":1234567890\r\n"],
    [2147483647, ":2147483647\r\n"],
    [2147483648, ":2147483648\r\n"],
    [9999999999, ":9999999999\r\n"],
    [10000000000, ":10000000000\r\n"],
    [1700000000123, ":1700000000123\r\n"],
    [-4503599627370497, ":-4503599627370497\r\n"],
    [Number.MAX_SAFE_INTEGER, ":9007199254740991\r\n"],
    [-Number.MAX_SAFE_INTEGER, ":-9007199254740991\r\n"],
    [2 ** 60, ":1152921504606846976\r\n"],
  ])("int(%d)", (n, expected) => {
    expect(encode(2, (w) => w.int(n))).toBe(expected);
  });

  it.each([
    [0n, ":0\r\n"],
    [-5n, ":-5\r\n"],
    [9223372036854775807n, ":9223372036854775807\r\n"],
    [-9223372036854775808n, ":-9223372036854775808\r\n"],
  ])("bigint(%s)", (n, expected) => {
    expect(encode(3, (w) => w.bigint(n))).toBe(expected);
  });

  it("writes every safe integer exactly", () => {
    const rand = (seed: number) => () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const r = rand(7);
    for (let k = 0; k < 2000; k++) {
      const n = Math.floor((r() - 0.5) * 2 * 10 ** Math.floor(r() * 16));
      expect(encode(2, (w) => w.int(n))).toBe(`:${n}\r\n`);
    }
  });
});

describe("bulk strings", () => {
  it("writes a slice of binary bytes", () => {
    const src = Buffer.from("xx\r\n\0\xffyy", "latin1");
    expect(encode(2, (w) => w.bulk(src, 2, 4))).toBe("$4\r\n\r\n\0\xff\r\n");
  });

  it("writes long byte ranges", () => {
    const src = Buffer.alloc(100_000, 0x61);
    expect(encode(2, (w) => w.bulk(src, 10, 99_990))).toBe(`$99990\r\n${"a".repeat(99_990)}\r\n`);
  });

  it("counts UTF-8 bytes for server text", () => {
    const w = new ReplyWriter();
    w.bulkString("héllo €");
    expect(w.take()).toEqual(Buffer.concat([Buffer.from("$10\r\n"), Buffer.from("héllo €"), Buffer.from("\r\n")]));
    const long = "ü".repeat(100);
    w.bulkString(long);
    expect(w.take().toString("utf8")).toBe(`$200\r\n${long}\r\n`);
  });

  it("writes latin1-decoded keys back as the original bytes", () => {
    const key = "\xff\x00k\xe9" + "\x80".repeat(40);
    expect(encode(2, (w) => w.bulkLatin1(key))).toBe(`$${key.length}\r\n${key}\r\n`);
  });

  it("keeps one-line replies on one line", () => {
    expect(encode(2, (w) => w.error("ERR a\r\n+OK"))).toBe("-ERR a  +OK\r\n");
    expect(encode(2, (w) => w.simple("x\ny"))).toBe("+x y\r\n");
  });

  it("writes UTF-8 in simple strings and errors", () => {
    const w = new ReplyWriter();
    w.error("ERR café");
    expect(w.take().toString("utf8")).toBe("-ERR café\r\n");
  });
});

describe("doubles (Redis 7.2 d2string)", () => {
  it.each([
    [1, "1"],
    [1.5, "1.5"],
    [-1.5, "-1.5"],
    [1e100, "1e+100"],
    [0.1, "0.1"],
    [3.141, "3.141"],
    [0, "0"],
    [-0, "-0"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
    [123456.789, "123456.789"],
    [0.0001, "0.0001"],
    [0.0012345, "0.0012345"],
    [0.000012345, "1.2345e-5"],
    [1e-7, "1e-7"],
    [1.5e300, "1.5e+300"],
    [-2.5e-300, "-2.5e-300"],
    [1e17, "100000000000000000"],
    [2 ** 62, "4611686018427387904"],
    [2 ** 63, "9223372036854776000"],
    [1e21, "1e+21"],
    [5e18, "5e+18"],
    [0.30000000000000004, "0.30000000000000004"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [5e-324, "5e-324"],
  ])("formatDouble(%d) = %s", (d, expected) => {
    expect(formatDouble(d)).toBe(expected);
  });

  it("sends the same text as a bulk string in RESP2", () => {
    expect(both((w) => w.double(1e100))).toEqual(["$6\r\n1e+100\r\n", ",1e+100\r\n"]);
    expect(both((w) => w.double(-Infinity))).toEqual(["$4\r\n-inf\r\n", ",-inf\r\n"]);
  });
});

describe("buffer management", () => {
  it("nests replies into one buffer", () => {
    const key = Buffer.from("k");
    const got = both((w) => {
      w.map(1);
      w.bulk(key, 0, 1);
      w.set(2);
      w.int(1);
      w.null();
    });
    expect(got).toEqual(["*2\r\n$1\r\nk\r\n*2\r\n:1\r\n$-1\r\n", "%1\r\n$1\r\nk\r\n~2\r\n:1\r\n_\r\n"]);
  });

  it("rolls back a partial reply", () => {
    const w = new ReplyWriter();
    w.ok();
    const mark = w.mark();
    w.array(2);
    w.int(1);
    w.rollback(mark);
    w.error("ERR boom");
    expect(w.take().toString()).toBe("+OK\r\n-ERR boom\r\n");
  });

  it("grows by doubling, then take() hands out a copy and starts over", () => {
    const w = new ReplyWriter();
    const value = Buffer.from("v".repeat(100));
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      w.bulk(value, 0, value.length);
      w.int(i);
      expected.push(`$100\r\n${"v".repeat(100)}\r\n:${i}\r\n`);
    }
    const out = w.take();
    expect(out.toString()).toBe(expected.join(""));
    expect(w.pos).toBe(0);
    const reused = w.buf;
    w.ok();
    const second = w.take();
    expect(w.buf).toBe(reused);
    expect(second.toString()).toBe("+OK\r\n");
    expect(out.toString().slice(0, 6)).toBe("$100\r\n");
  });

  it("drops a buffer that grew past 1 MiB once its bytes are taken", () => {
    const w = new ReplyWriter();
    w.raw(Buffer.alloc(3 * 1024 * 1024));
    expect(w.take().length).toBe(3 * 1024 * 1024);
    expect(w.buf.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it("shows pending output as a view, the same one while its length repeats, a new one once it changes", () => {
    const w = new ReplyWriter();
    w.ok();
    const first = w.pendingView();
    expect(first.toString()).toBe("+OK\r\n");
    w.sent();
    w.ok();
    expect(w.pendingView()).toBe(first);
    w.int(12);
    expect(w.pendingView().toString()).toBe("+OK\r\n:12\r\n");
  });

  it("after a hand-off (a write still reading the buffer) writes into a new buffer and a new view", () => {
    const w = new ReplyWriter();
    w.ok();
    const inFlight = w.pendingView();
    w.handOff();
    expect(w.pos).toBe(0);
    w.error("ERR x");
    expect(inFlight.toString()).toBe("+OK\r\n");
    expect(w.pendingView().toString()).toBe("-ERR x\r\n");
  });

  it("writes raw RESP untouched", () => {
    expect(encode(3, (w) => w.raw(Buffer.from("*1\r\n:1\r\n")))).toBe("*1\r\n:1\r\n");
  });
});
