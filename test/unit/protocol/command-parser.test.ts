import { describe, expect, it } from "vitest";
import {
  CommandParser,
  ProtocolError,
  QueryBufferLimitError,
  type ParserLimits,
} from "../../../runtime/src/protocol/command-parser.js";
import { prng } from "../../helpers/prng.js";

const DEFAULT_LIMITS: ParserLimits = { protoMaxBulkLen: 512 * 1024 * 1024, clientQueryBufferLimit: 1024 * 1024 * 1024 };

function parser(limits: Partial<ParserLimits> = {}): CommandParser {
  return new CommandParser({ ...DEFAULT_LIMITS, ...limits });
}

/** Every complete command currently parseable, arguments as latin1 strings. */
function drain(p: CommandParser): string[][] {
  const out: string[][] = [];
  while (p.next()) {
    const args: string[] = [];
    for (let i = 0; i < p.argc; i++) {
      args.push(p.buf.toString("latin1", p.argOffset[i], p.argOffset[i] + p.argLength[i]));
    }
    out.push(args);
  }
  return out;
}

function parseAll(input: string | Buffer, limits?: Partial<ParserLimits>): string[][] {
  const p = parser(limits);
  p.feed(typeof input === "string" ? Buffer.from(input, "latin1") : input);
  return drain(p);
}

function protocolError(input: string, limits?: Partial<ParserLimits>): string {
  try {
    parseAll(input, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError);
    return (e as Error).message;
  }
  throw new Error("no protocol error");
}

function multibulk(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join("");
}

// Deterministic so a failing chunking can be replayed.
describe("multibulk requests", () => {
  it("parses one command into argument views", () => {
    expect(parseAll(multibulk(["SET", "foo", "bar"]))).toEqual([["SET", "foo", "bar"]]);
  });

  it("is binary safe", () => {
    const value = "\r\n\0\xff$*\r";
    expect(parseAll(multibulk(["SET", "k", value]))).toEqual([["SET", "k", value]]);
  });

  it("parses a pipeline of thousands of commands from one chunk", () => {
    const cmds = Array.from({ length: 5000 }, (_, i) => ["SET", `key:${i}`, "x".repeat(i % 50)]);
    expect(parseAll(cmds.map(multibulk).join(""))).toEqual(cmds);
  });

  it("skips *0 and negative counts like Redis", () => {
    expect(parseAll("*0\r\n*-1\r\n*-10\r\n" + multibulk(["PING"]))).toEqual([["PING"]]);
  });

  it("accepts empty bulks", () => {
    expect(parseAll("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n")).toEqual([["ECHO", ""]]);
  });

  it("skips the two bytes after bulk data and after a header's \\r without checking them", () => {
    expect(parseAll("*1\r\n$4\r\nPINGXY*1\r\n$4\r\nPING\r\n")).toEqual([["PING"], ["PING"]]);
    expect(parseAll("*1\rX$4\r\nPING\r\n")).toEqual([["PING"]]);
  });

  it("waits for the byte after a header's \\r", () => {
    const p = parser();
    p.feed(Buffer.from("*1\r"));
    expect(p.next()).toBe(false);
    p.feed(Buffer.from("\n$4\r"));
    expect(p.next()).toBe(false);
    p.feed(Buffer.from("\nPING\r"));
    expect(p.next()).toBe(false);
    p.feed(Buffer.from("\n"));
    expect(drain(p)).toEqual([["PING"]]);
  });

  it("keeps a returned command's views valid while the next one is incomplete", () => {
    const p = parser();
    p.feed(Buffer.from(multibulk(["GET", "a"]) + "*2\r\n$3\r\nGET\r\n$1"));
    expect(drain(p)).toEqual([["GET", "a"]]);
    p.compact();
    p.feed(Buffer.from("\r\nb\r\n"));
    expect(drain(p)).toEqual([["GET", "b"]]);
  });
});

describe("split-chunk fuzz", () => {
  function randomPipeline(rand: () => number): { bytes: Buffer; commands: string[][] } {
    const parts: string[] = [];
    const commands: string[][] = [];
    for (let c = 0; c < 300; c++) {
      const kind = rand();
      if (kind < 0.1) {
        parts.push(["\r\n", "\n", "*0\r\n", "*-1\r\n", "   \r\n"][Math.floor(rand() * 5)]);
        continue;
      }
      if (kind < 0.25) {
        const args = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => `w${i}${Math.floor(rand() * 1000)}`);
        parts.push(args.join(" ") + (rand() < 0.5 ? "\r\n" : "\n"));
        commands.push(args);
        continue;
      }
      const args = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => {
        let s = "";
        for (let i = Math.floor(rand() * 40); i > 0; i--) s += String.fromCharCode(Math.floor(rand() * 256));
        // Now and then an argument over the 32 KiB big-argument threshold.
        return rand() < 0.05 ? s.repeat(1 + Math.floor(80000 / (s.length + 1))) : s;
      });
      parts.push(multibulk(args));
      commands.push(args);
    }
    return { bytes: Buffer.from(parts.join(""), "latin1"), commands };
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random chunking gives the same commands (seed ${seed})`, () => {
      const rand = prng(seed);
      const { bytes, commands } = randomPipeline(rand);
      expect(parseAll(bytes)).toEqual(commands);
      const p = parser();
      const got: string[][] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = rand() < 0.3 ? 1 + Math.floor(rand() * 4) : 1 + Math.floor(rand() * 70000);
        p.feed(bytes.subarray(at, at + size));
        at += size;
        got.push(...drain(p));
        if (rand() < 0.8) p.compact();
      }
      expect(got).toEqual(commands);
      expect(p.bufferedBytes()).toBe(0);
    });
  }

  it("parses a pipeline fed one byte at a time", () => {
    const cmds = [["SET", "k", "v\r\n"], ["GET", "k"], ["ECHO", "x y"]];
    const input = Buffer.from(multibulk(cmds[0]) + multibulk(cmds[1]) + 'ECHO "x y"\r\n');
    const p = parser();
    const got: string[][] = [];
    for (const byte of input) {
      p.feed(Buffer.from([byte]));
      got.push(...drain(p));
      p.compact();
    }
    expect(got).toEqual(cmds);
  });
});

describe("inline requests", () => {
  it.each([
    ["PING\r\n", [["PING"]]],
    ["SET  k   v\n", [["SET", "k", "v"]]],
    ['ECHO "\\x41\\n\\q"\r\n', [["ECHO", "A\nq"]]],
    ['ECHO "\\x4"\r\n', [["ECHO", "x4"]]],
    ['ECHO "\\xfF\\r\\t\\b\\a\\"\\\\"\r\n', [["ECHO", "\xff\r\t\b\x07\"\\"]]],
    ['ECHO a"b c"\r\n', [["ECHO", "ab c"]]],
    ['ECHO "a" \r\n', [["ECHO", "a"]]],
    ['ECHO "a"\t\r\n', [["ECHO", "a"]]],
    ["ECHO 'it\\'s' 'a\\nb'\r\n", [["ECHO", "it's", "a\\nb"]]],
    ['ECHO "" \'\'\r\n', [["ECHO", "", ""]]],
    ["ECHO \x0bx\r\n", [["ECHO", "x"]]],
    ["ECHO \x0ca\r\n", [["ECHO", "a"]]],
    ["ECHO a\rb\n", [["ECHO", "a", "b"]]],
    ["ECHO a\x0bb\r\n", [["ECHO", "a\x0bb"]]],
  ])("splits %j like sdssplitargs", (input, expected) => {
    expect(parseAll(input)).toEqual(expected);
  });

  it("skips empty lines, including a lone \\n", () => {
    expect(parseAll("\n\r\n   \r\nPING\r\n")).toEqual([["PING"]]);
  });

  it("waits for a line that has a NUL before its newline, as Redis's strchr does", () => {
    const p = parser();
    p.feed(Buffer.from("PI\0NG\r\n", "latin1"));
    expect(p.next()).toBe(false);
  });

  it.each(['SET "a\r\n', 'ECHO "a"b\r\n', "ECHO 'abc\r\n", "ECHO 'a'b\r\n", 'ECHO "abc\\"\r\n'])(
    "refuses unbalanced quotes in %j",
    (input) => {
      expect(protocolError(input)).toBe("Protocol error: unbalanced quotes in request");
    },
  );

  it("mixes inline and multibulk requests", () => {
    expect(parseAll("PING\r\n" + multibulk(["GET", "k"]) + "GET k\n")).toEqual([["PING"], ["GET", "k"], ["GET", "k"]]);
  });
});

describe("protocol errors", () => {
  it.each([
    ["Protocol error: invalid multibulk length", "*abc\r\n"],
    ["Protocol error: invalid multibulk length", "*01\r\n"],
    ["Protocol error: invalid multibulk length", "*-0\r\n"],
    ["Protocol error: invalid multibulk length", "*+1\r\n"],
    ["Protocol error: invalid multibulk length", "*\r\n"],
    ["Protocol error: invalid multibulk length", "*2147483648\r\n"],
    ["Protocol error: invalid multibulk length", "*99999999999999999999\r\n"],
    ["Protocol error: invalid bulk length", "*1\r\n$-1\r\n"],
    ["Protocol error: invalid bulk length", "*1\r\n$abc\r\n"],
    ["Protocol error: invalid bulk length", "*1\r\n$ 1\r\n"],
    ["Protocol error: invalid bulk length", "*1\r\n$536870913\r\n"],
    ["Protocol error: expected '$', got 'X'", "*1\r\nX\r\n"],
    ["Protocol error: expected '$', got ' '", "*1\r\n\r\n"],
    ["Protocol error: expected '$', got ' '", "*1\r\n\n\r\n"],
    ["Protocol error: expected '$', got '\x01'", "*1\r\n\x01\r\n"],
    ["Protocol error: expected '$', got 'f'", "*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n"],
    ["Protocol error: too big mbulk count string", "*" + "1".repeat(65536)],
    ["Protocol error: too big bulk count string", "*1\r\n$" + "1".repeat(65536)],
    ["Protocol error: too big inline request", "a".repeat(65537)],
    ["Protocol error: too big inline request", "PI\0" + "a".repeat(65537)],
  ])("%s (case %#)", (message, input) => {
    expect(protocolError(input)).toBe(message);
  });

  it("accepts what sits exactly on the limits", () => {
    expect(parseAll("*2147483647\r\n")).toEqual([]);
    expect(parseAll("*1\r\n$536870912\r\n")).toEqual([]);
    expect(parseAll("a".repeat(65536))).toEqual([]);
  });

  it("returns the commands before a malformed one first", () => {
    const p = parser();
    p.feed(Buffer.from(multibulk(["PING"]) + "*x\r\n"));
    expect(p.next()).toBe(true);
    expect(() => p.next()).toThrow("Protocol error: invalid multibulk length");
  });

  it("applies proto-max-bulk-len changes made after construction", () => {
    const p = parser();
    p.limits.protoMaxBulkLen = 3;
    p.feed(Buffer.from("*1\r\n$4\r\n"));
    expect(() => p.next()).toThrow("Protocol error: invalid bulk length");
  });

  it("refuses big requests before authentication", () => {
    const p = parser();
    p.authRequired = true;
    p.feed(Buffer.from("*11\r\n"));
    expect(() => p.next()).toThrow("Protocol error: unauthenticated multibulk length");
    const q = parser();
    q.authRequired = true;
    q.feed(Buffer.from("*10\r\n$16384\r\n"));
    expect(q.next()).toBe(false);
    const r = parser();
    r.authRequired = true;
    r.feed(Buffer.from("*2\r\n$16385\r\n"));
    expect(() => r.next()).toThrow("Protocol error: unauthenticated bulk length");
  });
});

describe("query buffer", () => {
  it("reports unparsed bytes, counting a partly received bulk", () => {
    const p = parser();
    const complete = multibulk(["GET", "a"]);
    const partial = "*2\r\n$3\r\nGET\r\n$5\r\nab";
    p.feed(Buffer.from(complete + partial));
    expect(p.bufferedBytes()).toBe(complete.length + partial.length);
    drain(p);
    expect(p.bufferedBytes()).toBe(2);
  });

  it("throws QueryBufferLimitError when unparsed input passes client-query-buffer-limit", () => {
    const p = parser({ clientQueryBufferLimit: 100 });
    p.feed(Buffer.alloc(100, 0x61));
    expect(() => p.feed(Buffer.from("a"))).toThrow(QueryBufferLimitError);
    const q = parser({ clientQueryBufferLimit: 100 });
    q.feed(Buffer.from("*1\r\n$200\r\n"));
    q.next();
    q.feed(Buffer.alloc(99));
    expect(() => q.feed(Buffer.alloc(2))).toThrow(QueryBufferLimitError);
  });

  it("receives a big bulk in 64 KiB chunks into one buffer sized once", () => {
    const size = 48 * 1024 * 1024;
    const value = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) value[i] = i & 0xff;
    const p = parser();
    p.feed(Buffer.from(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${size}\r\n`));
    expect(p.next()).toBe(false);
    const reserved = p.buf;
    expect(reserved.length).toBeGreaterThanOrEqual(size);
    expect(reserved.length).toBeLessThan(size + 256 * 1024);
    const tail = Buffer.concat([value, Buffer.from("\r\n" + multibulk(["PING"]))]);
    for (let at = 0; at < tail.length; at += 65536) {
      p.feed(tail.subarray(at, at + 65536));
      if (at + 65536 < size) expect(p.next()).toBe(false);
    }
    expect(p.buf).toBe(reserved);
    expect(p.next()).toBe(true);
    expect(p.argc).toBe(3);
    expect(p.argLength[2]).toBe(size);
    expect(p.buf.subarray(p.argOffset[2], p.argOffset[2] + size).equals(value)).toBe(true);
    expect(drain(p)).toEqual([["PING"]]);
    p.compact();
    expect(p.buf.length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("unread", () => {
  it("gives back the command just parsed, for a client CLIENT PAUSE holds", () => {
    const p = parser();
    p.feed(Buffer.from("*2\r\n$3\r\nGET\r\n$1\r\nk\r\nPING\r\n"));
    expect(p.next()).toBe(true);
    p.unread();
    p.compact();
    expect(p.next()).toBe(true);
    expect(p.argc).toBe(2);
    expect(p.buf.toString("latin1", p.argOffset[1], p.argOffset[1] + p.argLength[1])).toBe("k");
    expect(p.next()).toBe(true);
    expect(p.argc).toBe(1);
    expect(p.next()).toBe(false);
  });
});

describe("resize (Redis's clientsCronResizeQueryBuffer)", () => {
  it("gives an idle parser's buffer back, and the next input allocates one again", () => {
    const p = parser();
    p.feed(Buffer.from("*1\r\n$4\r\nPING\r\n"));
    expect(drain(p)).toEqual([["PING"]]);
    p.compact();
    p.resize(true);
    expect(p.buf.length).toBe(0);
    p.feed(Buffer.from("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"));
    expect(p.buf.length).toBe(16 * 1024);
    expect(drain(p)).toEqual([["GET", "k"]]);
  });

  it("keeps an idle parser's partly received command", () => {
    const p = parser();
    p.feed(Buffer.from("*2\r\n$3\r\nGET\r\n$1"));
    p.compact();
    p.resize(true);
    expect(p.heldBytes()).toBe(15);
    p.feed(Buffer.from("\r\nk\r\n"));
    expect(drain(p)).toEqual([["GET", "k"]]);
  });

  it("shrinks a busy parser's big buffer to its recent peak once a big argument went by", () => {
    const p = parser();
    const big = "x".repeat(400_000);
    p.feed(Buffer.from(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${big.length}\r\n${big}\r\n`));
    expect(drain(p)[0][2]).toHaveLength(big.length);
    p.compact();
    const grown = p.buf.length;
    expect(grown).toBeGreaterThan(400_000);
    p.resize(false); // the peak still counts the big argument: nothing shrinks yet
    expect(p.buf.length).toBe(grown);
    p.feed(Buffer.from("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"));
    expect(drain(p)).toEqual([["GET", "k"]]);
    p.compact();
    p.resize(false);
    expect(p.buf.length).toBe(20); // the GET held since: its peak
    expect(p.heldBytes()).toBe(0);
  });
});
