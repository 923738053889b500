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

  it("takes an argument larger than its first arena, and keeps serving", async () => {
    const big = "x".repeat(1 << 20);
    expect(await server.r.call("rusty.greet", big)).toBe(big);
    expect(await server.r.call("rusty.greet", "after")).toBe("after");
  });
});
