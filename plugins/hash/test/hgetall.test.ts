import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer([], { flush: true });

describe("HKEYS / HVALS / HGETALL", () => {
  it("lists a small hash in insertion order", async () => {
    await s.r.hset("h", "b", "2", "a", "1", "c", "3");
    expect(await s.r.hkeys("h")).toEqual(["b", "a", "c"]);
    expect(await s.r.hvals("h")).toEqual(["2", "1", "3"]);
    expect(await s.r.call("HGETALL", "h")).toEqual(["b", "2", "a", "1", "c", "3"]);
  });

  it("lists every pair of a large hash", async () => {
    await s.r.hset("h", ...fieldsAndValues(1000));
    const all = await s.r.hgetall("h");
    expect(Object.keys(all).length).toBe(1000);
    expect(all["f999"]).toBe("v999");
    expect((await s.r.hkeys("h")).length).toBe(1000);
  });

  it("missing keys are empty", async () => {
    expect(await s.r.hkeys("nokey")).toEqual([]);
    expect(await s.r.hvals("nokey")).toEqual([]);
    expect(await s.r.call("HGETALL", "nokey")).toEqual([]);
  });

  it("RESP3: HGETALL is a map, HKEYS an array", async () => {
    await s.r.hset("h", "a", "1");
    expect(await rawReply(s.port, 3, "HGETALL", "h")).toBe("%1\r\n$1\r\na\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 2, "HGETALL", "h")).toBe("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 3, "HGETALL", "nokey")).toBe("%0\r\n");
    expect(await rawReply(s.port, 3, "HKEYS", "h")).toBe("*1\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 3, "HVALS", "nokey")).toBe("*0\r\n");
    expect(await rawReply(s.port, 3, "HGET", "h", "zz")).toBe("_\r\n");
    expect(await rawReply(s.port, 3, "HEXISTS", "h", "a")).toBe(":1\r\n");
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(s.r, "o");
    for (const cmd of ["HKEYS", "HVALS", "HGETALL"]) expect(await errorOf(s.r.call(cmd, "o"))).toBe(WRONGTYPE);
  });
});
