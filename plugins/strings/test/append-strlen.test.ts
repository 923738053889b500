import { describe, expect, it } from "vitest";
import { errorOf, useServer, WRONGTYPE } from "./server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const { redis } = useServer();

describe("APPEND / STRLEN", () => {
  it("appends, creating the key, and keeps the TTL", async () => {
    expect(await redis().append("k", "Hello")).toBe(5);
    expect(await redis().append("k", " World")).toBe(11);
    expect(await redis().get("k")).toBe("Hello World");
    expect(await redis().strlen("k")).toBe(11);
    expect(await redis().strlen("missing")).toBe(0);
    await redis().expire("k", 100);
    expect(await redis().append("k", "!")).toBe(12);
    expect(await redis().ttl("k")).toBe(100);
  });

  it("grows through many appends without losing bytes", async () => {
    let expected = "";
    for (let i = 0; i < 200; i++) {
      const piece = `${i}:${"x".repeat(i % 37)}|`;
      expected += piece;
      expect(await redis().append("k", piece)).toBe(expected.length);
    }
    expect(await redis().get("k")).toBe(expected);
  });

  it("encodings follow Redis", async () => {
    await redis().set("i", "12345");
    expect(await redis().call("OBJECT", "ENCODING", "i")).toBe("int");
    await redis().set("e", "hello");
    expect(await redis().call("OBJECT", "ENCODING", "e")).toBe("embstr");
    await redis().set("r", "x".repeat(45));
    expect(await redis().call("OBJECT", "ENCODING", "r")).toBe("raw");
    await redis().append("e", "!");
    expect(await redis().call("OBJECT", "ENCODING", "e")).toBe("raw");
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().append("l", "v"))).toBe(WRONGTYPE);
    expect(await errorOf(redis().strlen("l"))).toBe(WRONGTYPE);
  });
});
