// LCS over real sockets; TEST_AGAINST=redis checks the same assertions on redis-server. The IDX
// reply is also compared byte for byte in RESP2 and RESP3, since its map/array shape is the point.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect } from "node:net";
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
  await r.mset("key1", "ohmytext", "key2", "mynewtext");
});

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error reply");
}

/** End offset of the RESP2/RESP3 reply starting at `pos`, or -1 while it is incomplete. */
function replyEnd(buf: Buffer, pos: number): number {
  const eol = buf.indexOf("\r\n", pos, "latin1");
  if (eol < 0) return -1;
  const type = String.fromCharCode(buf[pos]);
  const n = Number(buf.toString("latin1", pos + 1, eol));
  let next = eol + 2;
  if ("$=!".includes(type)) return n < 0 ? next : next + n + 2 <= buf.length ? next + n + 2 : -1;
  if (!"*~>%|".includes(type)) return next;
  const elements = n < 0 ? 0 : "%|".includes(type) ? 2 * n : n;
  for (let i = 0; i < elements; i++) {
    next = next < buf.length ? replyEnd(buf, next) : -1;
    if (next < 0) return -1;
  }
  return next;
}

/** Send commands on a fresh connection and return each reply's exact bytes. */
async function rawReplies(commands: string[][]): Promise<string[]> {
  const encode = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
  return new Promise((ok, fail) => {
    const sock = connect(target.port, "127.0.0.1");
    let buf = Buffer.alloc(0);
    sock.on("error", fail);
    sock.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      const replies: string[] = [];
      for (let pos = 0; pos < buf.length && replies.length < commands.length; ) {
        const end = replyEnd(buf, pos);
        if (end < 0) return;
        replies.push(buf.toString("latin1", pos, end));
        pos = end;
      }
      if (replies.length < commands.length) return;
      sock.destroy();
      ok(replies);
    });
    sock.write(commands.map(encode).join(""));
  });
}

async function lcsIn(protocol: 2 | 3, ...args: string[]): Promise<string> {
  const replies = await rawReplies([["HELLO", String(protocol)], ["LCS", "key1", "key2", ...args]]);
  return replies[1];
}

const range = (a0: number, a1: number, b0: number, b1: number, len?: number) =>
  `*${len === undefined ? 2 : 3}\r\n*2\r\n:${a0}\r\n:${a1}\r\n*2\r\n:${b0}\r\n:${b1}\r\n${len === undefined ? "" : `:${len}\r\n`}`;

describe("LCS", () => {
  it("returns the longest common subsequence", async () => {
    expect(await r.call("LCS", "key1", "key2")).toBe("mytext");
    expect(await r.call("LCS", "key2", "key1")).toBe("mytext");
    expect(await r.call("LCS", "key1", "key1")).toBe("ohmytext");
  });

  it("LEN returns its length", async () => {
    expect(await r.call("LCS", "key1", "key2", "LEN")).toBe(6);
    expect(await r.call("LCS", "key1", "key2", "len", "minmatchlen", "3", "withmatchlen")).toBe(6);
  });

  it("treats missing keys as empty strings", async () => {
    expect(await r.call("LCS", "nokey", "key2")).toBe("");
    expect(await r.call("LCS", "nokey", "nokey2", "LEN")).toBe(0);
    expect(await r.call("LCS", "key1", "nokey", "IDX")).toEqual(["matches", [], "len", 0]);
  });

  it("handles binary data", async () => {
    await r.set("b1", Buffer.from([0, 1, 2, 0xff, 3, 0]));
    await r.set("b2", Buffer.from([1, 0xff, 0, 0, 9]));
    expect(await r.callBuffer("LCS", "b1", "b2")).toEqual(Buffer.from([1, 0xff, 0]));
  });

  it("IDX lists matches from the end, with lengths on request", async () => {
    expect(await r.call("LCS", "key1", "key2", "IDX")).toEqual([
      "matches",
      [
        [[4, 7], [5, 8]],
        [[2, 3], [0, 1]],
      ],
      "len",
      6,
    ]);
    expect(await r.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN")).toEqual([
      "matches",
      [[[4, 7], [5, 8], 4]],
      "len",
      6,
    ]);
    expect(await r.call("LCS", "key1", "key2", "idx", "withmatchlen")).toEqual([
      "matches",
      [
        [[4, 7], [5, 8], 4],
        [[2, 3], [0, 1], 2],
      ],
      "len",
      6,
    ]);
  });

  it("IDX is a flat array in RESP2", async () => {
    expect(await lcsIn(2, "IDX")).toBe(`*4\r\n$7\r\nmatches\r\n*2\r\n${range(4, 7, 5, 8)}${range(2, 3, 0, 1)}$3\r\nlen\r\n:6\r\n`);
    expect(await lcsIn(2, "IDX", "MINMATCHLEN", "3", "WITHMATCHLEN")).toBe(
      `*4\r\n$7\r\nmatches\r\n*1\r\n${range(4, 7, 5, 8, 4)}$3\r\nlen\r\n:6\r\n`,
    );
  });

  it("IDX is a map in RESP3", async () => {
    expect(await lcsIn(3, "IDX")).toBe(`%2\r\n$7\r\nmatches\r\n*2\r\n${range(4, 7, 5, 8)}${range(2, 3, 0, 1)}$3\r\nlen\r\n:6\r\n`);
    expect(await lcsIn(3, "IDX", "WITHMATCHLEN", "MINMATCHLEN", "10")).toBe(`%2\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:6\r\n`);
  });

  it("WITHMATCHLEN and MINMATCHLEN without IDX still return the string", async () => {
    expect(await r.call("LCS", "key1", "key2", "WITHMATCHLEN")).toBe("mytext");
    expect(await r.call("LCS", "key1", "key2", "MINMATCHLEN", "100")).toBe("mytext");
  });

  it("a negative MINMATCHLEN counts as 0", async () => {
    expect(await r.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "-5")).toEqual([
      "matches",
      [
        [[4, 7], [5, 8]],
        [[2, 3], [0, 1]],
      ],
      "len",
      6,
    ]);
  });

  it("matches ending at the start of either string are emitted", async () => {
    await r.mset("x", "abcXdef", "y", "abcYdef");
    expect(await r.call("LCS", "x", "y", "IDX", "WITHMATCHLEN")).toEqual([
      "matches",
      [
        [[4, 6], [4, 6], 3],
        [[0, 2], [0, 2], 3],
      ],
      "len",
      6,
    ]);
    await r.mset("x", "a", "y", "ba");
    expect(await r.call("LCS", "x", "y", "IDX")).toEqual(["matches", [[[0, 0], [1, 1]]], "len", 1]);
  });

  it("agrees with the reference on longer inputs", async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) & 3;
    const a = Array.from({ length: 60 }, () => "ACGT"[rand()]).join("");
    const b = Array.from({ length: 50 }, () => "ACGT"[rand()]).join("");
    await r.mset("a", a, "b", b);
    expect(await r.call("LCS", "a", "b")).toBe(LONG_LCS);
    expect(await r.call("LCS", "a", "b", "IDX", "MINMATCHLEN", "3", "WITHMATCHLEN")).toEqual(LONG_IDX);
  });

  it("rejects bad options", async () => {
    expect(await errorOf(r.call("LCS", "key1", "key2", "LEN", "IDX"))).toBe(
      "ERR If you want both the length and indexes, please just use IDX.",
    );
    expect(await errorOf(r.call("LCS", "key1", "key2", "MINMATCHLEN", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(r.call("LCS", "key1", "key2", "MINMATCHLEN"))).toBe("ERR syntax error");
    expect(await errorOf(r.call("LCS", "key1", "key2", "foo"))).toBe("ERR syntax error");
    expect(await errorOf(r.call("LCS", "nokey", "nokey2", "foo"))).toBe("ERR syntax error");
    expect(await errorOf(r.call("LCS", "key1"))).toBe("ERR wrong number of arguments for 'lcs' command");
  });
});

// Captured from redis-server 7.0.15 for the inputs generated in the test above.
const LONG_LCS = "CGACGGCGTGCGTCCTGGAAATAACTATGGTCTGTCG";
const LONG_IDX = [
  "matches",
  [
    [[43, 51], [33, 41], 9],
    [[40, 42], [29, 31], 3],
    [[12, 14], [6, 8], 3],
  ],
  "len",
  37,
];

describe("a key of another type", () => {
  it("is refused with LCS's own error", async () => {
    await otherTypeKey(r, "l");
    expect(await errorOf(r.call("LCS", "key1", "l"))).toBe("ERR The specified keys must contain string values");
    expect(await errorOf(r.call("LCS", "l", "missing"))).toBe("ERR The specified keys must contain string values");
  });
});
