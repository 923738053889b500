import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";

const s = useServer([], { flush: true });

async function info(key: string): Promise<Record<string, unknown>> {
  const flat = (await s.r.call("XINFO", "STREAM", key)) as unknown[];
  const out: Record<string, unknown> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i] as string] = flat[i + 1];
  return out;
}

describe("XSETID", () => {
  it("sets the last ID, entries-added and max-deleted-entry-id; XADD continues after it", async () => {
    await s.r.xadd("st", "MAXLEN", "0", "*", "a", "b");
    expect(await s.r.call("XSETID", "st", "200-0")).toBe("OK");
    expect(await info("st")).toMatchObject({ "last-generated-id": "200-0", "entries-added": 1, length: 0 });
    expect(await s.r.call("XSETID", "st", "300", "ENTRIESADDED", "7", "MAXDELETEDID", "250-3")).toBe("OK");
    expect(await info("st")).toMatchObject({ "last-generated-id": "300-0", "entries-added": 7, "max-deleted-entry-id": "250-3" });
    expect(await errorOf(s.r.xadd("st", "300-0", "f", "v"))).toBe("ERR The ID specified in XADD is equal or smaller than the target stream top item");
    expect(await s.r.xadd("st", "*", "f", "v")).not.toBe("300-0");
  });

  it("refuses an ID below the stream's top item or its entries below its length, and changes nothing then", async () => {
    await s.r.xadd("x", "5-0", "a", "b");
    expect(await errorOf(s.r.call("XSETID", "x", "1-1"))).toBe("ERR The ID specified in XSETID is smaller than the target stream top item");
    expect(await errorOf(s.r.call("XSETID", "x", "5-0", "ENTRIESADDED", "0"))).toBe("ERR The entries_added specified in XSETID is smaller than the target stream length");
    expect(await errorOf(s.r.call("XSETID", "x", "5-0", "MAXDELETEDID", "6-0"))).toBe("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
    expect(await info("x")).toMatchObject({ "last-generated-id": "5-0", "entries-added": 1 });
    expect(await s.r.call("XSETID", "x", "5-0")).toBe("OK");
  });

  it("an empty stream's last ID may not go below its max-deleted-entry-id (Redis 7.2)", async () => {
    await s.r.xadd("x", "5-0", "a", "b");
    await s.r.xdel("x", "5-0");
    if (against === "ferrite") expect(await errorOf(s.r.call("XSETID", "x", "4-0"))).toBe("ERR The ID specified in XSETID is smaller than current max_deleted_entry_id");
    expect(await s.r.call("XSETID", "x", "6-0")).toBe("OK");
  });

  it("argument errors, then the key's", async () => {
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1"))).toBe("ERR no such key");
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1", "0"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1", "0-0"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1", "ENTRIESADDED"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1", "ENTRIESADDED", "-1", "MAXDELETEDID", "0-0"))).toBe("ERR entries_added must be positive");
    expect(await errorOf(s.r.call("XSETID", "nokey", "1-1", "ENTRIESADDED", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("XSETID", "nokey", "+"))).toBe("ERR Invalid stream ID specified as stream command argument");
    expect(await errorOf(s.r.call("XSETID", "nokey"))).toBe("ERR wrong number of arguments for 'xsetid' command");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("XSETID", "str", "1-1"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
  });
});
