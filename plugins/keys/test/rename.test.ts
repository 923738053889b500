// RENAME and RENAMENX: move a value and its TTL to another name in the same database.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const s = useServer();

describe("RENAME", () => {
  it("moves the value, replacing the destination", async () => {
    await s.r.mset("rename:a", "1", "rename:b", "2");
    expect(await s.r.rename("rename:a", "rename:b")).toBe("OK");
    expect(await s.r.exists("rename:a")).toBe(0);
    expect(await s.r.get("rename:b")).toBe("1");
  });

  it("carries the source TTL and drops the destination's", async () => {
    await s.r.set("rename:ttl", "1", "EX", 100);
    await s.r.set("rename:dst", "2", "EX", 5);
    await s.r.rename("rename:ttl", "rename:dst");
    expect(await s.r.ttl("rename:dst")).toBeGreaterThan(90);
    await s.r.set("rename:plain", "3");
    await s.r.rename("rename:plain", "rename:dst");
    expect(await s.r.ttl("rename:dst")).toBe(-1);
  });

  it("fails on a missing source", async () => {
    expect(await errorOf(s.r.rename("rename:missing", "rename:x"))).toBe("ERR no such key");
    expect(await errorOf(s.r.rename("rename:missing", "rename:missing"))).toBe("ERR no such key");
  });

  it("renaming a key to itself keeps it", async () => {
    await s.r.set("rename:self", "v", "EX", 100);
    expect(await s.r.rename("rename:self", "rename:self")).toBe("OK");
    expect(await s.r.get("rename:self")).toBe("v");
    expect(await s.r.ttl("rename:self")).toBeGreaterThan(90);
  });
});

describe("RENAMENX", () => {
  it("renames only when the destination is free", async () => {
    await s.r.mset("renamenx:a", "1", "renamenx:b", "2");
    expect(await s.r.renamenx("renamenx:a", "renamenx:b")).toBe(0);
    expect(await s.r.get("renamenx:a")).toBe("1");
    expect(await s.r.get("renamenx:b")).toBe("2");
    expect(await s.r.renamenx("renamenx:a", "renamenx:c")).toBe(1);
    expect(await s.r.exists("renamenx:a")).toBe(0);
    expect(await s.r.get("renamenx:c")).toBe("1");
  });

  it("answers 0 when renaming a key to itself", async () => {
    await s.r.set("renamenx:self", "v");
    expect(await s.r.renamenx("renamenx:self", "renamenx:self")).toBe(0);
    expect(await s.r.get("renamenx:self")).toBe("v");
  });

  it("fails on a missing source", async () => {
    expect(await errorOf(s.r.renamenx("renamenx:missing", "renamenx:x"))).toBe("ERR no such key");
  });
});
