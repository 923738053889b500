// LCS over real sockets; TEST_AGAINST=redis checks the same assertions on redis-server. The IDX
// reply is also compared byte for byte in RESP2 and RESP3, since its map/array shape is the point.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
beforeEach(async () => {
  await s.r.mset("key1", "ohmytext", "key2", "mynewtext");
});

/** LCS's exact reply bytes on a fresh connection speaking RESP `protocol`. */
const lcsIn = (protocol: 2 | 3, ...args: string[]) => rawReply(s.port, protocol, "LCS", "key1", "key2", ...args);

const range = (a0: number, a1: number, b0: number, b1: number, len?: number) =>
  `*${len === undefined ? 2 : 3}\r\n*2\r\n:${a0}\r\n:${a1}\r\n*2\r\n:${b0}\r\n:${b1}\r\n${len === undefined ? "" : `:${len}\r\n`}`;

describe("LCS", () => {
  it("returns the longest common subsequence", async () => {
    expect(await s.r.call("LCS", "key1", "key2")).toBe("mytext");
    expect(await s.r.call("LCS", "key2", "key1")).toBe("mytext");
    expect(await s.r.call("LCS", "key1", "key1")).toBe("ohmytext");
  });

  it("LEN returns its length", async () => {
    expect(await s.r.call("LCS", "key1", "key2", "LEN")).toBe(6);
    expect(await s.r.call("LCS", "key1", "key2", "len", "minmatchlen", "3", "withmatchlen")).toBe(6);
  });

  it("treats missing keys as empty strings", async () => {
    expect(await s.r.call("LCS", "nokey", "key2")).toBe("");
    expect(await s.r.call("LCS", "nokey", "nokey2", "LEN")).toBe(0);
    expect(await s.r.call("LCS", "key1", "nokey", "IDX")).toEqual(["matches", [], "len", 0]);
  });

  it("handles binary data", async () => {
    await s.r.set("b1", Buffer.from([0, 1, 2, 0xff, 3, 0]));
    await s.r.set("b2", Buffer.from([1, 0xff, 0, 0, 9]));
    expect(await s.r.callBuffer("LCS", "b1", "b2")).toEqual(Buffer.from([1, 0xff, 0]));
  });

  it("IDX lists matches from the end, with lengths on request", async () => {
    expect(await s.r.call("LCS", "key1", "key2", "IDX")).toEqual([
      "matches",
      [
        [[4, 7], [5, 8]],
        [[2, 3], [0, 1]],
      ],
      "len",
      6,
    ]);
    expect(await s.r.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN")).toEqual([
      "matches",
      [[[4, 7], [5, 8], 4]],
      "len",
      6,
    ]);
    expect(await s.r.call("LCS", "key1", "key2", "idx", "withmatchlen")).toEqual([
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
    expect(await s.r.call("LCS", "key1", "key2", "WITHMATCHLEN")).toBe("mytext");
    expect(await s.r.call("LCS", "key1", "key2", "MINMATCHLEN", "100")).toBe("mytext");
  });

  it("a negative MINMATCHLEN counts as 0", async () => {
    expect(await s.r.call("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "-5")).toEqual([
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
    await s.r.mset("x", "abcXdef", "y", "abcYdef");
    expect(await s.r.call("LCS", "x", "y", "IDX", "WITHMATCHLEN")).toEqual([
      "matches",
      [
        [[4, 6], [4, 6], 3],
        [[0, 2], [0, 2], 3],
      ],
      "len",
      6,
    ]);
    await s.r.mset("x", "a", "y", "ba");
    expect(await s.r.call("LCS", "x", "y", "IDX")).toEqual(["matches", [[[0, 0], [1, 1]]], "len", 1]);
  });

  it("agrees with the reference on longer inputs", async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) & 3;
    const a = Array.from({ length: 60 }, () => "ACGT"[rand()]).join("");
    const b = Array.from({ length: 50 }, () => "ACGT"[rand()]).join("");
    await s.r.mset("a", a, "b", b);
    expect(await s.r.call("LCS", "a", "b")).toBe(LONG_LCS);
    expect(await s.r.call("LCS", "a", "b", "IDX", "MINMATCHLEN", "3", "WITHMATCHLEN")).toEqual(LONG_IDX);
  });

  it("rejects bad options", async () => {
    expect(await errorOf(s.r.call("LCS", "key1", "key2", "LEN", "IDX"))).toBe(
      "ERR If you want both the length and indexes, please just use IDX.",
    );
    expect(await errorOf(s.r.call("LCS", "key1", "key2", "MINMATCHLEN", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("LCS", "key1", "key2", "MINMATCHLEN"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("LCS", "key1", "key2", "foo"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("LCS", "nokey", "nokey2", "foo"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("LCS", "key1"))).toBe("ERR wrong number of arguments for 'lcs' command");
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
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("LCS", "key1", "l"))).toBe("ERR The specified keys must contain string values");
    expect(await errorOf(s.r.call("LCS", "l", "missing"))).toBe("ERR The specified keys must contain string values");
  });
});
