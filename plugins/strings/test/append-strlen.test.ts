import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });

describe("APPEND / STRLEN", () => {
  it("appends, creating the key, and keeps the TTL", async () => {
    expect(await s.r.append("k", "Hello")).toBe(5);
    expect(await s.r.append("k", " World")).toBe(11);
    expect(await s.r.get("k")).toBe("Hello World");
    expect(await s.r.strlen("k")).toBe(11);
    expect(await s.r.strlen("missing")).toBe(0);
    await s.r.expire("k", 100);
    expect(await s.r.append("k", "!")).toBe(12);
    expect(await s.r.ttl("k")).toBe(100);
  });

  it("grows through many appends without losing bytes", async () => {
    let expected = "";
    for (let i = 0; i < 200; i++) {
      const piece = `${i}:${"x".repeat(i % 37)}|`;
      expected += piece;
      expect(await s.r.append("k", piece)).toBe(expected.length);
    }
    expect(await s.r.get("k")).toBe(expected);
  });

  it("encodings follow Redis", async () => {
    await s.r.set("i", "12345");
    expect(await s.r.call("OBJECT", "ENCODING", "i")).toBe("int");
    await s.r.set("e", "hello");
    expect(await s.r.call("OBJECT", "ENCODING", "e")).toBe("embstr");
    await s.r.set("r", "x".repeat(45));
    expect(await s.r.call("OBJECT", "ENCODING", "r")).toBe("raw");
    await s.r.append("e", "!");
    expect(await s.r.call("OBJECT", "ENCODING", "e")).toBe("raw");
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.append("l", "v"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.strlen("l"))).toBe(WRONGTYPE);
  });
});
