// COPY (DB, REPLACE) and MOVE: values and their TTLs across names and databases.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const s = useServer();

describe("COPY", () => {
  it("copies a value into a new, independent key", async () => {
    await s.r.set("copy:a", "v");
    expect(await s.r.copy("copy:a", "copy:b")).toBe(1);
    expect(await s.r.get("copy:b")).toBe("v");
    await s.r.set("copy:a", "changed");
    expect(await s.r.get("copy:b")).toBe("v");
  });

  it("copies the TTL", async () => {
    await s.r.set("copy:ttl", "v", "EX", 100);
    await s.r.copy("copy:ttl", "copy:ttl2");
    expect(await s.r.ttl("copy:ttl2")).toBeGreaterThan(90);
  });

  it("keeps an existing destination unless REPLACE", async () => {
    await s.r.mset("copy:src", "new", "copy:dst", "old");
    expect(await s.r.copy("copy:src", "copy:dst")).toBe(0);
    expect(await s.r.get("copy:dst")).toBe("old");
    expect(await s.r.call("copy", "copy:src", "copy:dst", "replace")).toBe(1);
    expect(await s.r.get("copy:dst")).toBe("new");
  });

  it("copies a value of another plugin's type through its owner", async () => {
    await otherTypeKey(s.r, "copy:other");
    await s.r.expire("copy:other", 100);
    expect(await s.r.call("copy", "copy:other", "copy:other2", "DB", "2")).toBe(1);
    expect(await s.client({ db: 2 }).type("copy:other2")).toBe("list");
    expect(await s.client({ db: 2 }).ttl("copy:other2")).toBeGreaterThan(90);
    expect(await s.r.type("copy:other")).toBe("list");
  });

  it("answers 0 for a missing source", async () => {
    expect(await s.r.copy("copy:missing", "copy:x")).toBe(0);
    expect(await s.r.exists("copy:x")).toBe(0);
  });

  it("copies into another database", async () => {
    const db2 = s.client({ db: 2 });
    await s.r.set("copy:db", "v");
    await db2.set("copy:db", "old");
    expect(await s.r.call("copy", "copy:db", "copy:db", "DB", "2")).toBe(0);
    expect(await s.r.call("copy", "copy:db", "copy:db", "db", "2", "REPLACE")).toBe(1);
    expect(await db2.get("copy:db")).toBe("v");
    expect(await s.r.get("copy:db")).toBe("v");
  });

  it("refuses to copy a key onto itself", async () => {
    await s.r.set("copy:self", "v");
    const same = "ERR source and destination objects are the same";
    expect(await errorOf(s.r.copy("copy:self", "copy:self"))).toBe(same);
    expect(await errorOf(s.r.call("copy", "copy:self", "copy:self", "DB", "0", "REPLACE"))).toBe(same);
    expect(await errorOf(s.r.copy("copy:missing", "copy:missing"))).toBe(same);
  });

  it("rejects a bad database and bad options", async () => {
    await s.r.set("copy:opt", "v");
    const range = "ERR DB index is out of range";
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB", "99"))).toBe(range);
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB", "-1"))).toBe(range);
    expect(await errorOf(s.r.call("copy", "copy:missing", "copy:o2", "DB", "16"))).toBe(range);
    // Redis checks the database while reading the options, so a later bad option is not reached.
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB", "99", "foo"))).toBe(range);
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "foo", "DB", "99"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB", "x"))).toBe(
      "ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB", "2147483648"))).toBe(
      "ERR value is out of range, value must between -2147483648 and 2147483647");
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "DB"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("copy", "copy:opt", "copy:o2", "foo"))).toBe("ERR syntax error");
    expect(await s.r.exists("copy:o2")).toBe(0);
  });
});

describe("MOVE", () => {
  it("moves a key with its TTL to another database", async () => {
    const db1 = s.client({ db: 1 });
    await s.r.set("move:a", "v", "EX", 100);
    expect(await s.r.move("move:a", 1)).toBe(1);
    expect(await s.r.exists("move:a")).toBe(0);
    expect(await db1.get("move:a")).toBe("v");
    expect(await db1.ttl("move:a")).toBeGreaterThan(90);
  });

  it("moves a value of another plugin's type", async () => {
    await otherTypeKey(s.r, "move:other");
    expect(await s.r.move("move:other", 1)).toBe(1);
    expect(await s.client({ db: 1 }).type("move:other")).toBe("list");
  });

  it("answers 0 when the key is missing or the target holds it", async () => {
    const db1 = s.client({ db: 1 });
    expect(await s.r.move("move:missing", 1)).toBe(0);
    await s.r.set("move:both", "here");
    await db1.set("move:both", "there");
    expect(await s.r.move("move:both", 1)).toBe(0);
    expect(await s.r.get("move:both")).toBe("here");
    expect(await db1.get("move:both")).toBe("there");
  });

  it("refuses the current database", async () => {
    await s.r.set("move:same", "v");
    expect(await errorOf(s.r.move("move:same", 0))).toBe("ERR source and destination objects are the same");
    const db3 = s.client({ db: 3 });
    await db3.set("move:same", "v");
    expect(await errorOf(db3.move("move:same", 3))).toBe("ERR source and destination objects are the same");
  });

  it("rejects a bad database", async () => {
    await s.r.set("move:bad", "v");
    const range = "ERR DB index is out of range";
    expect(await errorOf(s.r.move("move:bad", 16))).toBe(range);
    expect(await errorOf(s.r.move("move:bad", -1))).toBe(range);
    expect(await errorOf(s.r.move("move:missing", 99))).toBe(range);
    expect(await errorOf(s.r.call("move", "move:bad", "one"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("move", "move:bad", "-2147483649"))).toBe(
      "ERR value is out of range, value must between -2147483648 and 2147483647");
    expect(await s.r.exists("move:bad")).toBe(1);
  });
});
