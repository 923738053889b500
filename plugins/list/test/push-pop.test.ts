import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });

describe("LPUSH / RPUSH / LPUSHX / RPUSHX", () => {
  it("pushes at either end and returns the length", async () => {
    expect(await s.r.rpush("l", "a", "b")).toBe(2);
    expect(await s.r.lpush("l", "x", "y")).toBe(4);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["y", "x", "a", "b"]);
  });

  it("the X variants only push to an existing list", async () => {
    expect(await s.r.lpushx("l", "a")).toBe(0);
    expect(await s.r.rpushx("l", "a", "b")).toBe(0);
    expect(await s.r.exists("l")).toBe(0);
    await s.r.rpush("l", "m");
    expect(await s.r.lpushx("l", "a", "b")).toBe(3);
    expect(await s.r.rpushx("l", "z")).toBe(4);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["b", "a", "m", "z"]);
  });

  it("keeps integers, near-integers and binary elements byte for byte", async () => {
    const elements = ["0", "-1", "127", "128", "-4096", "4095", "4096", "-32769", "8388608", "-2147483649",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "007", "+5", "-0", " 1", "", "é\r\n\0"];
    await s.r.rpush("l", ...elements);
    expect(await s.r.lrange("l", 0, -1)).toEqual(elements);
  });

  it("arity and WRONGTYPE", async () => {
    await s.r.set("s", "x");
    for (const cmd of ["LPUSH", "RPUSH", "LPUSHX", "RPUSHX"]) {
      expect(await errorOf(s.r.call(cmd, "s", "a"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.call(cmd, "l"))).toBe(`ERR wrong number of arguments for '${cmd.toLowerCase()}' command`);
    }
  });
});

describe("LPOP / RPOP", () => {
  it("pops one element, deleting the emptied key", async () => {
    await s.r.rpush("l", "a", "b", "c");
    expect(await s.r.lpop("l")).toBe("a");
    expect(await s.r.rpop("l")).toBe("c");
    expect(await s.r.rpop("l")).toBe("b");
    expect(await s.r.exists("l")).toBe(0);
    expect(await s.r.lpop("l")).toBe(null);
  });

  it("pops up to count elements in pop order", async () => {
    await s.r.rpush("l", "a", "b", "c", "d", "e");
    expect(await s.r.lpop("l", 2)).toEqual(["a", "b"]);
    expect(await s.r.rpop("l", 2)).toEqual(["e", "d"]);
    expect(await s.r.lpop("l", 0)).toEqual([]);
    expect(await s.r.rpop("l", 10)).toEqual(["c"]);
    expect(await s.r.exists("l")).toBe(0);
  });

  it("null shapes in RESP2 and RESP3", async () => {
    await s.r.rpush("l", "a");
    const commands = [["LPOP", "nokey"], ["LPOP", "nokey", "2"], ["RPOP", "nokey", "0"], ["LPOP", "l", "0"]];
    expect(await rawReplies(s.port, 2, ...commands)).toEqual(["$-1\r\n", "*-1\r\n", "*-1\r\n", "*0\r\n"]);
    expect(await rawReplies(s.port, 3, ...commands)).toEqual(["_\r\n", "_\r\n", "_\r\n", "*0\r\n"]);
  });

  it("count errors, arity and WRONGTYPE", async () => {
    await s.r.rpush("l", "a");
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LPOP", "l", "-1"))).toBe("ERR value is out of range, must be positive");
    expect(await errorOf(s.r.call("RPOP", "l", "x"))).toBe("ERR value is out of range, must be positive");
    expect(await errorOf(s.r.call("LPOP", "l", "1", "2"))).toBe("ERR wrong number of arguments for 'lpop' command");
    expect(await errorOf(s.r.call("RPOP", "l", "1", "2"))).toBe("ERR wrong number of arguments for 'rpop' command");
    expect(await errorOf(s.r.call("LPOP", "s"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("RPOP", "s", "0"))).toBe(WRONGTYPE);
    // The count is checked before the key.
    expect(await errorOf(s.r.call("LPOP", "s", "-1"))).toBe("ERR value is out of range, must be positive");
  });
});
