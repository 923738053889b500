// SMOVE: moving a member between sets, the same key on both sides, emptied sources, type errors.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });

describe("SMOVE", () => {
  it("moves a member, creating the destination", async () => {
    await s.r.sadd("a", "x", "y");
    expect(await s.r.smove("a", "b", "x")).toBe(1);
    expect(await s.r.smembers("a")).toEqual(["y"]);
    expect(await s.r.smembers("b")).toEqual(["x"]);
    expect(await s.r.smove("a", "b", "nope")).toBe(0);
    expect(await s.r.smove("missing", "b", "x")).toBe(0);
  });

  it("deletes the emptied source and counts a member already in the destination", async () => {
    await s.r.sadd("a", "x");
    await s.r.sadd("b", "x", "z");
    expect(await s.r.smove("a", "b", "x")).toBe(1);
    expect(await s.r.exists("a")).toBe(0);
    expect(sorted(await s.r.smembers("b"))).toEqual(["x", "z"]);
  });

  it("same source and destination only checks membership", async () => {
    await s.r.sadd("a", "x");
    expect(await s.r.smove("a", "a", "x")).toBe(1);
    expect(await s.r.smove("a", "a", "y")).toBe(0);
    expect(await s.r.smembers("a")).toEqual(["x"]);
  });

  it("moves between encodings", async () => {
    await s.r.sadd("ints", "1", "2", "3");
    await s.r.sadd("words", ...Array.from({ length: 200 }, (_, i) => `w${i}`));
    expect(await s.r.smove("words", "ints", "w5")).toBe(1);
    expect(await s.r.smove("ints", "words", "2")).toBe(1);
    expect(sorted(await s.r.smembers("ints"))).toEqual(["1", "3", "w5"]);
    expect(await s.r.sismember("words", "2")).toBe(1);
    expect(await s.r.scard("words")).toBe(200);
  });

  it("refuses other types on either side, but a missing source wins over a bad destination", async () => {
    await s.r.set("str", "v");
    await s.r.sadd("a", "x");
    expect(await errorOf(s.r.smove("str", "a", "x"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.smove("a", "str", "x"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.smove("a", "str", "nope"))).toBe(WRONGTYPE);
    expect(await s.r.smove("missing", "str", "x")).toBe(0);
    expect(await s.r.smembers("a")).toEqual(["x"]);
    expect(await errorOf(s.r.call("SMOVE", "a", "b"))).toBe("ERR wrong number of arguments for 'smove' command");
  });
});

// Redis signals a key modified only when SMOVE changes it (unit/type/set "SMOVE only notify dstset when
// the addition is successful").
describe("SMOVE and WATCH", () => {
  it("leaves a WATCH on a destination that already holds the member", async () => {
    await s.r.sadd("srcset", "a", "b");
    await s.r.sadd("dstset", "a");
    const c = s.client();
    await c.watch("dstset");
    const tx = c.multi().sadd("dstset", "c");
    expect(await s.r.smove("srcset", "dstset", "a")).toBe(1);
    expect(await tx.exec()).toEqual([[null, 1]]);
    expect(await s.r.scard("dstset")).toBe(2);
  });

  it("leaves a WATCH on a source that lacks the member", async () => {
    await s.r.sadd("srcset", "a");
    const c = s.client();
    await c.watch("srcset");
    expect(await s.r.smove("srcset", "dstset", "zz")).toBe(0);
    expect(await c.multi().scard("srcset").exec()).toEqual([[null, 1]]);
  });

  it("breaks a WATCH on either side when it moves a member", async () => {
    await s.r.sadd("srcset", "a", "b");
    await s.r.sadd("dstset", "c");
    const [c1, c2] = [s.client(), s.client()];
    await c1.watch("srcset");
    await c2.watch("dstset");
    expect(await s.r.smove("srcset", "dstset", "a")).toBe(1);
    expect(await c1.multi().scard("srcset").exec()).toBeNull();
    expect(await c2.multi().scard("dstset").exec()).toBeNull();
  });
});
