// The C SDK's example end to end: built by `make fixtures` with Debian's clang (build/fixtures/ccounter.wasm),
// loaded into Ferrite with --loadmodule, called through ioredis: every type callback, keys and errors.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../../test/helpers/server.js";
import { ROOT, against } from "../../../../test/helpers/target.js";

// A Ferrite plugin: there is nothing to compare against on redis-server.
describe.skipIf(against === "redis")("the C example plugin", () => {
  const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/ccounter.wasm")], {
    kind: "ferrite",
    flush: true,
    client: { stringNumbers: true }, // i64 replies past 2^53, exactly
  });

  it("keeps a value type of its own: keys, in-place writes, and the six type callbacks", async () => {
    const r = server.r;
    expect(await r.call("ccounter.get", "c")).toBeNull();
    expect(await r.call("ccounter.incrby", "c", "40")).toBe("40");
    expect(await r.call("ccounter.incrby", "c", "2")).toBe("42");
    expect(await r.type("c")).toBe("ccounter");
    expect(await r.call("object", "encoding", "c")).toBe("i64");
    expect(Number(await r.call("memory", "usage", "c"))).toBeGreaterThan(0);
    expect(await r.copy("c", "d")).toBe("1");
    expect(await r.call("ccounter.incrby", "d", "1")).toBe("43");
    expect(await r.call("ccounter.get", "c")).toBe("42");
    await r.restore("e", 0, await r.dumpBuffer("c")); // ferrite_type_save, then ferrite_type_load
    expect(await r.call("ccounter.get", "e")).toBe("42");
    expect(await r.del("c", "d", "e")).toBe("3");
  });

  it("answers Redis's errors", async () => {
    const r = server.r;
    await r.set("s", "x");
    await expect(r.call("ccounter.incrby", "s", "1")).rejects.toThrow(/^WRONGTYPE/);
    for (const bad of ["x", "+1", "01", "-0", "", "9223372036854775808"])
      await expect(r.call("ccounter.incrby", "c", bad)).rejects.toThrow("ERR value is not an integer or out of range");
    expect(await r.call("ccounter.incrby", "c", "-9223372036854775808")).toBe("-9223372036854775808");
    await expect(r.call("ccounter.incrby", "c", "-1")).rejects.toThrow("ERR increment or decrement would overflow");
    expect(await r.call("ccounter.get", "c")).toBe("-9223372036854775808");
  });
});
