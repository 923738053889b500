// Connections from outside the machine: protected mode's DENIED while the default user has no password,
// and enable-module-command (no / yes / local) for MODULE LOAD, LOADEX and UNLOAD. A client "outside"
// runs in a network namespace this test creates (root and iproute2 needed, as on CI; skipped otherwise),
// joined to the host by a veth pair on a private /30. Runs against redis-server too (TEST_AGAINST=redis).
import { execFileSync, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../../helpers/target.js";

const REFUSED =
  'ERR MODULE command not allowed. If the enable-module-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.';
const LOAD_FAILED = "ERR Error loading the extension. Please check the server logs.";
const NS = `fa${process.pid % 100000}`;
const HOST_IP = "10.231.77.1";
const NS_IP = "10.231.77.2";

function withServer(args: string[], body: (t: Target, r: Redis) => Promise<void>): () => Promise<void> {
  return async () => {
    const t = await startTarget(args);
    const r = new Redis({ port: t.port, host: "127.0.0.1", maxRetriesPerRequest: 0, password: args.includes("--requirepass") ? "pw" : undefined });
    try {
      await body(t, r);
    } finally {
      r.disconnect();
      await t.stop();
    }
  };
}

it("refuses MODULE LOAD/LOADEX/UNLOAD with enable-module-command no, keeps LIST and built-in plugins", withServer(["--enable-module-command", "no"], async (_t, r) => {
  await expect(r.call("module", "load", "/nonexistent")).rejects.toThrow(REFUSED);
  await expect(r.call("module", "loadex", "/nonexistent")).rejects.toThrow(REFUSED);
  await expect(r.call("module", "unload", "strings")).rejects.toThrow(REFUSED);
  expect(Array.isArray(await r.call("module", "list"))).toBe(true);
  expect(await r.set("k", "v")).toBe("OK");
}));

it("allows MODULE with enable-module-command yes", withServer(["--enable-module-command", "yes"], async (_t, r) => {
  await expect(r.call("module", "load", "/nonexistent")).rejects.toThrow(LOAD_FAILED);
}));

function netnsAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("ip", ["netns", "add", NS]).status === 0;
}

const haveNetns = netnsAvailable();
// At file level, so the namespace goes even when a filter skipped the tests that use it.
afterAll(() => {
  if (!haveNetns) return;
  spawnSync("ip", ["link", "del", `${NS}a`]);
  spawnSync("ip", ["netns", "del", NS]);
});

describe.skipIf(!haveNetns)("from another network namespace", () => {
  const ip = (...args: string[]) => execFileSync("ip", args);
  beforeAll(() => {
    ip("link", "add", `${NS}a`, "type", "veth", "peer", "name", `${NS}b`);
    ip("link", "set", `${NS}b`, "netns", NS);
    ip("addr", "add", `${HOST_IP}/30`, "dev", `${NS}a`);
    ip("link", "set", `${NS}a`, "up");
    ip("netns", "exec", NS, "ip", "addr", "add", `${NS_IP}/30`, "dev", `${NS}b`);
    ip("netns", "exec", NS, "ip", "link", "set", `${NS}b`, "up");
  });
  /** redis-cli run inside the namespace, reaching the server through the veth pair. */
  const outside = (t: Target, ...args: string[]) =>
    spawnSync("ip", ["netns", "exec", NS, "redis-cli", "-h", HOST_IP, "-p", String(t.port), "--no-auth-warning", ...args], { encoding: "utf8", timeout: 10_000 }).stdout.trim();

  it("denies outside connections in protected mode while default has no password", withServer(["--bind", "0.0.0.0"], async (t, r) => {
    expect(outside(t, "ping")).toMatch(/^DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user\. .* NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside\.$/);
    expect(await r.ping()).toBe("PONG");
    expect(Number((await r.info("stats")).match(/rejected_connections:(\d+)/)![1])).toBeGreaterThanOrEqual(1);
    await r.config("SET", "protected-mode", "no");
    expect(outside(t, "ping")).toBe("PONG");
  }));

  it("lets outside clients in with a password, but MODULE LOAD only from loopback (local)", withServer(["--bind", "0.0.0.0", "--requirepass", "pw", "--enable-module-command", "local"], async (t, r) => {
    expect(outside(t, "-a", "pw", "ping")).toBe("PONG");
    expect(outside(t, "module", "load", "/nonexistent")).toBe(REFUSED);
    expect(outside(t, "-a", "pw", "module", "unload", "x")).toBe(REFUSED);
    expect(outside(t, "-a", "pw", "module", "list")).not.toContain("ERR");
    await expect(r.call("module", "load", "/nonexistent")).rejects.toThrow(LOAD_FAILED);
  }));
});
