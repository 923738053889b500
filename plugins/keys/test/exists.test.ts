// EXISTS, TOUCH and TYPE: read-only questions about keys, whatever their type.
import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const s = useServer();

describe("EXISTS", () => {
  it("counts every existing key, repeats included", async () => {
    await s.r.set("exists:a", "1");
    expect(await s.r.exists("exists:a", "exists:a", "exists:missing")).toBe(2);
    expect(await s.r.exists("exists:missing")).toBe(0);
  });

  it("does not see an expired key", async () => {
    await s.r.set("exists:gone", "x", "PX", 1);
    await sleep(20);
    expect(await s.r.exists("exists:gone")).toBe(0);
  });

  it("needs at least one key", async () => {
    expect(await errorOf(s.r.call("exists"))).toBe("ERR wrong number of arguments for 'exists' command");
  });
});

describe("TOUCH", () => {
  it("counts every existing key, repeats included", async () => {
    await s.r.set("touch:a", "1");
    expect(await s.r.call("touch", "touch:a", "touch:a", "touch:missing")).toBe(2);
  });
});

describe("TYPE", () => {
  it("names the type of a key", async () => {
    await s.r.set("type:s", "v");
    expect(await s.r.type("type:s")).toBe("string");
  });

  it("names a type another plugin owns", async () => {
    await otherTypeKey(s.r, "type:other");
    expect(await s.r.type("type:other")).toBe("list");
  });

  it("answers none for a missing key", async () => {
    expect(await s.r.type("type:missing")).toBe("none");
  });

  it("takes exactly one key", async () => {
    expect(await errorOf(s.r.call("type", "a", "b"))).toBe("ERR wrong number of arguments for 'type' command");
  });
});
