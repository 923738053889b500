import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer([], { flush: true });

describe("HSET / HSETNX / HMSET / HGET / HMGET", () => {
  it("sets, counts new fields and reads them back", async () => {
    expect(await s.r.hset("h", "a", "1", "b", "2")).toBe(2);
    expect(await s.r.hset("h", "a", "10", "c", "3")).toBe(1);
    expect(await s.r.hget("h", "a")).toBe("10");
    expect(await s.r.hget("h", "zz")).toBeNull();
    expect(await s.r.hget("nokey", "a")).toBeNull();
    expect(await s.r.hmget("h", "a", "zz", "c")).toEqual(["10", null, "3"]);
    expect(await s.r.hmget("nokey", "a", "b")).toEqual([null, null]);
    expect(await s.r.call("HMSET", "h", "d", "4", "e", "5")).toBe("OK");
    expect(await s.r.hlen("h")).toBe(5);
    expect(await s.r.type("h")).toBe("hash");
  });

  it("keeps binary fields and values, and values that change length in the middle", async () => {
    const bin = Buffer.from([0, 255, 13, 10, 1]);
    await s.r.hset("h", bin, bin, "x", "1", "y", "2");
    expect(await s.r.hgetBuffer("h", bin)).toEqual(bin);
    await s.r.hset("h", "x", "a much longer value than before");
    await s.r.hset("h", "y", "2222");
    await s.r.hset("h", "x", "s");
    expect(await s.r.hmget("h", "x", "y")).toEqual(["s", "2222"]);
    expect(await s.r.hset("h", "", "")).toBe(1);
    expect(await s.r.hget("h", "")).toBe("");
  });

  it("HSETNX sets only missing fields", async () => {
    expect(await s.r.hsetnx("h", "a", "1")).toBe(1);
    expect(await s.r.hsetnx("h", "a", "2")).toBe(0);
    expect(await s.r.hget("h", "a")).toBe("1");
  });

  it("odd pairs and arity errors", async () => {
    expect(await errorOf(s.r.call("HSET", "h", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'hset' command");
    expect(await errorOf(s.r.call("HMSET", "h", "a"))).toBe("ERR wrong number of arguments for 'hmset' command");
    expect(await errorOf(s.r.call("HSET", "h", "a"))).toBe("ERR wrong number of arguments for 'hset' command");
    expect(await errorOf(s.r.call("HGET", "h"))).toBe("ERR wrong number of arguments for 'hget' command");
    expect(await s.r.exists("h")).toBe(0);
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(s.r, "o");
    for (const cmd of [["HSET", "o", "a", "1"], ["HSETNX", "o", "a", "1"], ["HMSET", "o", "a", "1"], ["HGET", "o", "a"], ["HMGET", "o", "a"]]) {
      expect(await errorOf(s.r.call(cmd[0]!, ...cmd.slice(1)))).toBe(WRONGTYPE);
    }
    await s.r.hset("h", "a", "1");
    expect(await errorOf(s.r.get("h"))).toBe(WRONGTYPE);
    await s.r.set("h", "string now");
    expect(await s.r.get("h")).toBe("string now");
  });
});

describe("HDEL / HEXISTS / HLEN / HSTRLEN", () => {
  it("deletes fields and the key with the last one", async () => {
    await s.r.hset("h", "a", "1", "b", "22", "c", "333");
    expect(await s.r.hexists("h", "b")).toBe(1);
    expect(await s.r.hstrlen("h", "c")).toBe(3);
    expect(await s.r.hstrlen("h", "zz")).toBe(0);
    expect(await s.r.hdel("h", "b", "b", "zz")).toBe(1);
    expect(await s.r.hexists("h", "b")).toBe(0);
    expect(await s.r.hlen("h")).toBe(2);
    expect(await s.r.hdel("h", "a", "c", "a")).toBe(2);
    expect(await s.r.exists("h")).toBe(0);
    expect(await s.r.hdel("h", "a")).toBe(0);
    expect(await s.r.hlen("h")).toBe(0);
    expect(await s.r.hexists("h", "a")).toBe(0);
    expect(await s.r.hstrlen("h", "a")).toBe(0);
  });

  it("deletes down to nothing in the table encoding too", async () => {
    await s.r.hset("h", ...fieldsAndValues(600));
    for (let i = 0; i < 600; i += 100) {
      const fields = Array.from({ length: 100 }, (_, j) => `f${i + j}`);
      expect(await s.r.hdel("h", ...fields)).toBe(100);
    }
    expect(await s.r.exists("h")).toBe(0);
  });

  it("WRONGTYPE", async () => {
    await otherTypeKey(s.r, "o");
    for (const cmd of [["HDEL", "o", "a"], ["HEXISTS", "o", "a"], ["HLEN", "o"], ["HSTRLEN", "o", "a"]]) {
      expect(await errorOf(s.r.call(cmd[0]!, ...cmd.slice(1)))).toBe(WRONGTYPE);
    }
  });
});

describe("encodings", () => {
  it("listpack until 512 fields, then hashtable for good", async () => {
    await s.r.hset("h", ...fieldsAndValues(512));
    expect(await s.r.call("OBJECT", "ENCODING", "h")).toBe("listpack");
    await s.r.hset("h", "one", "more");
    expect(await s.r.call("OBJECT", "ENCODING", "h")).toBe("hashtable");
    expect(await s.r.hlen("h")).toBe(513);
    expect(await s.r.hget("h", "f77")).toBe("v77");
    await s.r.hdel("h", "one", "f1", "f2");
    expect(await s.r.call("OBJECT", "ENCODING", "h")).toBe("hashtable");
  });

  it("values or fields over 64 bytes convert", async () => {
    await s.r.hset("a", "f", "x".repeat(64), "x".repeat(64), "v");
    expect(await s.r.call("OBJECT", "ENCODING", "a")).toBe("listpack");
    await s.r.hset("b", "f", "x".repeat(65));
    expect(await s.r.call("OBJECT", "ENCODING", "b")).toBe("hashtable");
    await s.r.hset("c", "f", "1");
    await s.r.hset("c", "y".repeat(65), "1");
    expect(await s.r.call("OBJECT", "ENCODING", "c")).toBe("hashtable");
    expect(await s.r.hget("c", "y".repeat(65))).toBe("1");
    expect(await s.r.hget("c", "f")).toBe("1");
  });

  it("a large hash keeps every field through growth", async () => {
    const n = 20000;
    const pipeline = s.r.pipeline();
    for (let i = 0; i < n; i += 1000) pipeline.hset("big", ...fieldsAndValues(1000, `${i}:`));
    await pipeline.exec();
    expect(await s.r.hlen("big")).toBe(n * 1);
    expect(await s.r.hget("big", "5000:f7")).toBe("v7");
    const fields = Array.from({ length: 1000 }, (_, j) => `0:f${j}`);
    expect(await s.r.hdel("big", ...fields)).toBe(1000);
    expect(await s.r.hlen("big")).toBe(n - 1000);
  });
});
