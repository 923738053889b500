// The type callbacks through the keyspace commands: DUMP/RESTORE, COPY, RENAME, MOVE, DEL,
// encodings (MEMORY USAGE is not served by Ferrite yet, so the memory callback is not reached here).
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer([], { flush: true });

describe("hash values in the keyspace", () => {
  it.each([3, 600])("DUMP/RESTORE, COPY, RENAME, MOVE keep every pair (%i fields)", async (n) => {
    await s.r.hset("h", ...fieldsAndValues(n));
    const encoding = await s.r.call("OBJECT", "ENCODING", "h");
    const expected = await s.r.hgetall("h");
    const dump = await s.r.dumpBuffer("h");
    await s.r.restore("r", 0, dump);
    expect(await s.r.hgetall("r")).toEqual(expected);
    expect(await s.r.call("OBJECT", "ENCODING", "r")).toBe(encoding);
    expect(await s.r.copy("h", "c")).toBe(1);
    await s.r.hset("c", "f0", "changed");
    expect(await s.r.hget("h", "f0")).toBe("v0");
    expect(await s.r.call("OBJECT", "ENCODING", "c")).toBe(encoding);
    await s.r.rename("h", "h2");
    expect(await s.r.hgetall("h2")).toEqual(expected);
    expect(await s.r.move("h2", 1)).toBe(1);
    const db1 = s.client({ db: 1 });
    expect(await db1.hgetall("h2")).toEqual(expected);
    expect(await db1.del("h2")).toBe(1);
    expect(await s.r.del("r", "c")).toBe(2);
  });

  it.skipIf(against === "redis")("a corrupt payload is refused", async () => {
    await s.r.hset("h", "a", "1");
    const dump = await s.r.dumpBuffer("h");
    const bad = Buffer.from(dump);
    bad[bad.length - 12] ^= 0xff;
    await expect(s.r.restore("r", 0, bad)).rejects.toThrow();
  });
});
