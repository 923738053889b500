import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });

describe("LMOVE / RPOPLPUSH", () => {
  it("moves between ends of two lists, creating the destination and deleting an emptied source", async () => {
    await s.r.rpush("src", "a", "b", "c");
    expect(await s.r.lmove("src", "dst", "LEFT", "RIGHT")).toBe("a");
    expect(await s.r.lmove("src", "dst", "RIGHT", "LEFT")).toBe("c");
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["c", "a"]);
    expect(await s.r.rpoplpush("src", "dst")).toBe("b");
    expect(await s.r.exists("src")).toBe(0);
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["b", "c", "a"]);
    expect(await s.r.lmove("src", "dst", "LEFT", "LEFT")).toBe(null);
    expect(await s.r.rpoplpush("src", "dst")).toBe(null);
  });

  it("rotates a list onto itself", async () => {
    await s.r.rpush("l", "1", "2", "3");
    expect(await s.r.rpoplpush("l", "l")).toBe("3");
    expect(await s.r.lmove("l", "l", "LEFT", "RIGHT")).toBe("3");
    expect(await s.r.lrange("l", 0, -1)).toEqual(["1", "2", "3"]);
    await s.r.rpush("one", "x");
    expect(await s.r.lmove("one", "one", "LEFT", "LEFT")).toBe("x");
    expect(await s.r.lrange("one", 0, -1)).toEqual(["x"]);
  });

  it("moves a large element", async () => {
    const big = "z".repeat(20000);
    await s.r.rpush("src", big, "small");
    expect(await s.r.lmove("src", "dst", "LEFT", "LEFT")).toBe(big);
    expect(await s.r.lrange("dst", 0, -1)).toEqual([big]);
  });

  it("errors and WRONGTYPE, the destination checked only when the source has elements", async () => {
    await s.r.rpush("l", "a");
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LMOVE", "l", "l", "UP", "LEFT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("LMOVE", "l", "l", "LEFT", "DOWN"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.lmove("s", "l", "LEFT", "LEFT"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.lmove("l", "s", "LEFT", "LEFT"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.rpoplpush("l", "s"))).toBe(WRONGTYPE);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["a"]);
    expect(await s.r.lmove("nokey", "s", "LEFT", "LEFT")).toBe(null);
  });
});

describe("LMPOP", () => {
  const lmpop = (...args: string[]) => s.r.call("LMPOP", ...args);

  it("pops from the first non-empty list", async () => {
    await s.r.rpush("b", "1", "2", "3");
    expect(await lmpop("2", "a", "b", "LEFT")).toEqual(["b", ["1"]]);
    expect(await lmpop("2", "a", "b", "right", "COUNT", "5")).toEqual(["b", ["3", "2"]]);
    expect(await s.r.exists("b")).toBe(0);
    expect(await lmpop("2", "a", "b", "LEFT")).toBe(null);
  });

  it("RESP2 and RESP3 shapes", async () => {
    await s.r.rpush("b", "1");
    const commands = [["LMPOP", "1", "nokey", "LEFT"], ["LMPOP", "1", "b", "LEFT", "COUNT", "2"]];
    expect(await rawReplies(s.port, 2, ...commands)).toEqual(["*-1\r\n", "*2\r\n$1\r\nb\r\n*1\r\n$1\r\n1\r\n"]);
    await s.r.rpush("b", "1");
    expect(await rawReplies(s.port, 3, ...commands)).toEqual(["_\r\n", "*2\r\n$1\r\nb\r\n*1\r\n$1\r\n1\r\n"]);
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.rpush("l", "a");
    await s.r.set("s", "x");
    const cases: [string[], string][] = [
      [["0", "l", "LEFT"], "ERR numkeys should be greater than 0"],
      [["-1", "l", "LEFT"], "ERR numkeys should be greater than 0"],
      [["x", "l", "LEFT"], "ERR numkeys should be greater than 0"],
      [["2", "l", "LEFT"], "ERR syntax error"],
      [["9223372036854775807", "l", "LEFT"], "ERR syntax error"],
      [["1", "l", "MIDDLE"], "ERR syntax error"],
      [["1", "l", "LEFT", "COUNT", "0"], "ERR count should be greater than 0"],
      [["1", "l", "LEFT", "COUNT", "x"], "ERR count should be greater than 0"],
      [["1", "l", "LEFT", "COUNT", "1", "COUNT", "1"], "ERR syntax error"],
      [["1", "l", "LEFT", "COUNT"], "ERR syntax error"],
      [["1", "l", "LEFT", "FOO"], "ERR syntax error"],
      [["2", "nokey", "s", "LEFT"], WRONGTYPE],
      [["2", "s", "l", "LEFT"], WRONGTYPE],
    ];
    for (const [args, error] of cases) expect(await errorOf(lmpop(...args))).toBe(error);
    expect(await errorOf(lmpop("1", "l"))).toBe("ERR wrong number of arguments for 'lmpop' command");
  });
});
