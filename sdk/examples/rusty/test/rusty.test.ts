// The Rust SDK's example end to end: built by `make build` with Debian's rustc (build/fixtures/rusty.wasm),
// loaded into Ferrite with --loadmodule, called through ioredis.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../../test/helpers/server.js";
import { ROOT, against } from "../../../../test/helpers/target.js";

// A Ferrite plugin: there is nothing to compare against on redis-server.
describe.skipIf(against === "redis")("the Rust example plugin", () => {
  const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/rusty.wasm")], {
    kind: "ferrite",
    client: { stringNumbers: true }, // i64 replies past 2^53, exactly
  });

  it("is loaded, with the commands its manifest declares", async () => {
    expect(await server.r.call("module", "list")).toContainEqual(expect.arrayContaining(["name", "rusty"]));
    const [info] = (await server.r.call("command", "info", "rusty.sum")) as unknown[][];
    expect(info.slice(0, 2)).toEqual(["rusty.sum", "-2"]);
  });

  it("replies through the SDK's arguments and replies", async () => {
    expect(await server.r.call("rusty.greet")).toBe("hello");
    expect(await server.r.call("RUSTY.GREET", "world")).toBe("world");
    expect(await server.r.call("rusty.sum", "1", "-2", "40")).toBe("39");
    expect(await server.r.call("rusty.sum", "9223372036854775807")).toBe("9223372036854775807");
  });

  it("answers Redis's errors: arity from the manifest, integers and overflow from the handler", async () => {
    await expect(server.r.call("rusty.sum")).rejects.toThrow("ERR wrong number of arguments for 'rusty.sum' command");
    await expect(server.r.call("rusty.sum", "1", "+2")).rejects.toThrow("ERR value is not an integer or out of range");
    await expect(server.r.call("rusty.sum", "01")).rejects.toThrow("ERR value is not an integer or out of range");
    await expect(server.r.call("rusty.sum", "9223372036854775807", "1")).rejects.toThrow("ERR increment or decrement would overflow");
    expect(await server.r.call("rusty.sum", "-9223372036854775808")).toBe("-9223372036854775808");
  });

  it("keeps a value type of its own: keys, in-place writes, and the six callbacks value_types! writes", async () => {
    const r = server.r;
    await r.del("c", "d", "e", "s");
    expect(await r.call("rusty.get", "c")).toBeNull();
    expect(await r.call("rusty.incrby", "c", "40")).toBe("40");
    expect(await r.call("rusty.incrby", "c", "2")).toBe("42");
    expect(await r.type("c")).toBe("rcounter");
    expect(await r.call("object", "encoding", "c")).toBe("i64"); // ferrite_type_encoding
    expect(Number(await r.call("memory", "usage", "c"))).toBeGreaterThan(0); // ferrite_type_memory
    expect(await r.copy("c", "d")).toBe("1"); // ferrite_type_copy: an independent value
    expect(await r.call("rusty.incrby", "d", "1")).toBe("43");
    expect(await r.call("rusty.get", "c")).toBe("42");
    await r.restore("e", 0, await r.dumpBuffer("c")); // ferrite_type_save, then ferrite_type_load
    expect(await r.call("rusty.get", "e")).toBe("42");
    await expect(r.restore("e", 0, Buffer.from("garbage"), "REPLACE")).rejects.toThrow("ERR DUMP payload version or checksum are wrong");
    expect(await r.del("c", "d", "e")).toBe("3"); // ferrite_type_free
    await r.set("s", "x");
    await expect(r.call("rusty.incrby", "s", "1")).rejects.toThrow(/^WRONGTYPE/);
    await expect(r.call("rusty.incrby", "c", "x")).rejects.toThrow("ERR value is not an integer or out of range");
    await r.call("rusty.incrby", "c", "9223372036854775807");
    await expect(r.call("rusty.incrby", "c", "1")).rejects.toThrow("ERR increment or decrement would overflow");
  });

  it("takes an argument larger than its first arena, and keeps serving", async () => {
    const big = "x".repeat(1 << 20);
    expect(await server.r.call("rusty.greet", big)).toBe(big);
    expect(await server.r.call("rusty.greet", "after")).toBe("after");
  });
});
