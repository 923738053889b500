import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

describe("XADD / XLEN", () => {
  it("adds entries with explicit, partial and automatic IDs", async () => {
    expect(await s.r.xadd("s", "1-1", "a", "1")).toBe("1-1");
    expect(await s.r.xadd("s", "1-*", "b", "2")).toBe("1-2");
    expect(await s.r.xadd("s", "5", "c", "3")).toBe("5-0");
    expect(await s.r.xadd("s", "5-*", "c", "3")).toBe("5-1");
    const before = Date.now();
    const id = (await s.r.xadd("s", "*", "d", "4"))!;
    const [ms, seq] = id.split("-").map(Number);
    expect(ms).toBeGreaterThanOrEqual(before - 1000);
    expect(seq).toBe(0);
    expect(await s.r.xlen("s")).toBe(5);
    expect(await s.r.xlen("missing")).toBe(0);
  });

  it("keeps field/value pairs, binary safe and in order", async () => {
    await s.r.xadd("s", "1-0", "f1", "v1", "f2", "", "f\r\n3", "v\x003");
    expect(await s.r.xrange("s", "-", "+")).toEqual([["1-0", ["f1", "v1", "f2", "", "f\r\n3", "v\x003"]]]);
  });

  it("generates IDs after the top item when the clock is behind it", async () => {
    await s.r.xadd("s", "99999999999999-5", "a", "1");
    expect(await s.r.xadd("s", "*", "a", "1")).toBe("99999999999999-6");
    await s.r.xadd("t", "99999999999999-18446744073709551615", "a", "1");
    expect(await s.r.xadd("t", "*", "a", "1")).toBe("100000000000000-0");
    expect(await s.r.xadd("t", "100000000000000-*", "a", "1")).toBe("100000000000000-1");
  });

  it("refuses IDs at or below the top item", async () => {
    await s.r.xadd("s", "5-5", "a", "1");
    const err = "ERR The ID specified in XADD is equal or smaller than the target stream top item";
    expect(await errorOf(s.r.xadd("s", "5-5", "a", "1"))).toBe(err);
    expect(await errorOf(s.r.xadd("s", "4-9", "a", "1"))).toBe(err);
    expect(await errorOf(s.r.xadd("s", "4-*", "a", "1"))).toBe(err);
    expect(await errorOf(s.r.xadd("s", "0-0", "a", "1"))).toBe("ERR The ID specified in XADD must be greater than 0-0");
    expect(await errorOf(s.r.xadd("new", "0-0", "a", "1"))).toBe("ERR The ID specified in XADD must be greater than 0-0");
    expect(await s.r.exists("new")).toBe(0);
    await s.r.xadd("max", "18446744073709551615-18446744073709551615", "a", "1");
    expect(await errorOf(s.r.xadd("max", "*", "a", "1"))).toBe("ERR The stream has exhausted the last possible ID, unable to add more items");
    expect(await s.r.xadd("zero", "0-*", "a", "1")).toBe("0-1");
  });

  it("rejects malformed IDs and arguments", async () => {
    const invalid = "ERR Invalid stream ID specified as stream command argument";
    for (const id of ["abc", "1-x", "-", "+", "1-", "-1", "18446744073709551616-0", "1-2-3"]) {
      expect(await errorOf(s.r.xadd("s", id, "a", "1"))).toBe(invalid);
    }
    expect(await s.r.xadd("s", "007-01", "a", "1")).toBe("7-1");
    const arity = "ERR wrong number of arguments for 'xadd' command";
    expect(await errorOf(s.r.call("XADD", "s", "*", "a"))).toBe(arity);
    expect(await errorOf(s.r.call("XADD", "s", "*", "a", "1", "b"))).toBe(arity);
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "1", "*"))).toBe(arity);
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "x", "*", "a", "1"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "-1", "*", "a", "1"))).toBe("ERR The MAXLEN argument must be >= 0.");
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "1", "MINID", "1", "*", "a", "1"))).toBe("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "1", "LIMIT", "10", "*", "a", "1"))).toBe("ERR syntax error, LIMIT cannot be used without the special ~ option");
    expect(await errorOf(s.r.call("XADD", "s", "LIMIT", "10", "*", "a", "1"))).toBe("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
    expect(await errorOf(s.r.call("XADD", "s", "MAXLEN", "~", "1", "LIMIT", "-1", "*", "a", "1"))).toBe("ERR The LIMIT argument must be >= 0.");
    expect(await errorOf(s.r.call("XADD", "s", "MINID", "x", "*", "a", "1"))).toBe(invalid);
  });

  it("NOMKSTREAM answers null and creates nothing", async () => {
    expect(await s.r.call("XADD", "s", "NOMKSTREAM", "*", "a", "1")).toBeNull();
    expect(await s.r.exists("s")).toBe(0);
    await s.r.xadd("s", "1-1", "a", "1");
    expect(await s.r.call("XADD", "s", "NOMKSTREAM", "2-1", "a", "1")).toBe("2-1");
  });

  it("trims with MAXLEN and MINID, exactly or approximately", async () => {
    for (let i = 1; i <= 10; i++) await s.r.xadd("s", `${i}-0`, "i", String(i));
    expect(await s.r.call("XADD", "s", "MAXLEN", "5", "11-0", "i", "11")).toBe("11-0");
    expect(await s.r.xlen("s")).toBe(5);
    expect((await s.r.xrange("s", "-", "+"))[0][0]).toBe("7-0");
    expect(await s.r.call("XADD", "s", "MINID", "=", "9", "12-0", "i", "12")).toBe("12-0");
    expect((await s.r.xrange("s", "-", "+")).map((e) => e[0])).toEqual(["9-0", "10-0", "11-0", "12-0"]);
    // `~` only drops whole nodes: nothing in a stream this small
    expect(await s.r.call("XADD", "s", "MAXLEN", "~", "1", "13-0", "i", "13")).toBe("13-0");
    expect(await s.r.xlen("s")).toBe(5);
    expect(await s.r.call("XADD", "s", "MAXLEN", "0", "14-0", "i", "14")).toBe("14-0");
    expect(await s.r.xlen("s")).toBe(0);
    expect(await s.r.exists("s")).toBe(1);
  });

  it("approximate trimming removes whole nodes of 100 entries, within LIMIT", async () => {
    const pipe = s.r.pipeline();
    for (let i = 1; i <= 350; i++) pipe.xadd("s", `${i}-0`, "f", "v");
    await pipe.exec();
    expect(await s.r.call("XADD", "s", "MAXLEN", "~", "120", "351-0", "f", "v")).toBe("351-0");
    expect(await s.r.xlen("s")).toBe(151);
    expect(await s.r.call("XADD", "s", "MAXLEN", "~", "0", "LIMIT", "50", "352-0", "f", "v")).toBe("352-0");
    expect(await s.r.xlen("s")).toBe(152);
    expect(await s.r.call("XADD", "s", "MINID", "~", "330", "353-0", "f", "v")).toBe("353-0");
    expect((await s.r.xrange("s", "-", "+", "COUNT", 1))[0][0]).toBe("301-0");
  });

  it("WRONGTYPE on another type's key", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xadd("str", "*", "a", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.xlen("str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.xrange("str", "-", "+"))).toBe(WRONGTYPE);
  });

  it("is a stream to TYPE and OBJECT ENCODING, survives DUMP/RESTORE and COPY", async () => {
    for (let i = 1; i <= 250; i++) await s.r.xadd("s", `${i}-1`, "n", String(i), "x", "y".repeat(i % 7));
    await s.r.xdel("s", "5-1", "200-1");
    expect(await s.r.type("s")).toBe("stream");
    expect(await s.r.call("OBJECT", "ENCODING", "s")).toBe("stream");
    const all = await s.r.xrange("s", "-", "+");
    const dump = await s.r.dumpBuffer("s");
    await s.r.restore("r", 0, dump);
    expect(await s.r.xrange("r", "-", "+")).toEqual(all);
    expect(await s.r.call("COPY", "s", "c")).toBe(1);
    await s.r.xadd("s", "300-1", "a", "b");
    expect(await s.r.xrange("c", "-", "+")).toEqual(all);
    expect(await s.r.xlen("c")).toBe(248);
  });
});
