// DEL and UNLINK: remove keys and count the ones that existed.
import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";

const s = useServer();

describe.each(["del", "unlink"])("%s", (cmd) => {
  it("deletes existing keys and counts only those", async () => {
    await s.r.mset(`${cmd}:a`, "1", `${cmd}:b`, "2");
    expect(await s.r.call(cmd, `${cmd}:a`, `${cmd}:b`, `${cmd}:missing`)).toBe(2);
    expect(await s.r.exists(`${cmd}:a`, `${cmd}:b`)).toBe(0);
  });

  it("counts a key named twice once", async () => {
    await s.r.set(`${cmd}:twice`, "x");
    expect(await s.r.call(cmd, `${cmd}:twice`, `${cmd}:twice`)).toBe(1);
  });

  it("answers 0 when nothing exists", async () => {
    expect(await s.r.call(cmd, `${cmd}:none`)).toBe(0);
  });

  it("does not count a key whose TTL has passed", async () => {
    await s.r.set(`${cmd}:gone`, "x", "PX", 1);
    await sleep(20);
    expect(await s.r.call(cmd, `${cmd}:gone`)).toBe(0);
  });

  it("treats keys as binary", async () => {
    const key = Buffer.from([0, 0xff, 0x80, 13, 10]);
    await s.r.set(key, "v");
    expect(await s.r.call(cmd, key)).toBe(1);
    expect(await s.r.exists(key)).toBe(0);
  });

  it("needs at least one key", async () => {
    expect(await errorOf(s.r.call(cmd))).toBe(`ERR wrong number of arguments for '${cmd}' command`);
  });
});
