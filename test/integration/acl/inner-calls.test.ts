// Inner calls are checked like outer ones (issue 11): a command a plugin runs through call_command runs
// as the calling client's user — its command and keys checked by the ACL (channels too, by the same
// check, though no plugin command takes channels yet), refusals logged with context "module" — is refused when it is denyoom and memory is over maxmemory, and shows in MONITOR
// (Redis's RM_Call with its "C" and "M" flags, and its call()). Fixture: WAITER.CALL runs its arguments
// through call_command and replies the raw reply as a bulk string.
import { beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { join } from "node:path";
import { ROOT } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/waiter.wasm")], { kind: "ferrite" });

/** What the called command answered, as raw RESP. */
const inner = (c: Redis, ...args: string[]) => c.call("waiter.call", ...args) as Promise<string>;

async function userWith(name: string, ...rules: string[]): Promise<Redis> {
  await server.r.acl("SETUSER", name, "reset", "on", "nopass", ...rules);
  const c = server.client();
  await c.auth(name, "x");
  return c;
}

beforeAll(async () => {
  await server.r.set("a:1", "mine");
  await server.r.set("s:1", "secret");
});

describe("the calling user's ACL", () => {
  it("refuses keys outside the user's patterns, and logs the refusal with context module", async () => {
    const u = await userWith("keys-a", "+@all", "~a:*");
    expect(await inner(u, "GET", "a:1")).toBe("$4\r\nmine\r\n");
    expect(await inner(u, "GET", "s:1")).toBe("-NOPERM No permissions to access a key\r\n");
    expect(await inner(u, "SET", "s:1", "overwritten")).toBe("-NOPERM No permissions to access a key\r\n");
    expect(await server.r.get("s:1")).toBe("secret");
    const [entry] = (await server.r.acl("LOG", "1")) as unknown[][];
    const fields = Object.fromEntries(Array.from({ length: entry.length / 2 }, (_, i) => [entry[2 * i], entry[2 * i + 1]]));
    expect(fields).toMatchObject({ reason: "key", context: "module", object: "s:1", username: "keys-a" });
  });

  it("refuses commands the user may not run", async () => {
    const u = await userWith("no-get", "+@all", "-get", "~*");
    expect(await inner(u, "GET", "a:1")).toBe("-NOPERM User no-get has no permissions to run the 'get' command\r\n");
    expect(await inner(u, "STRLEN", "a:1")).toBe(":4\r\n");
  });
});

describe("maxmemory", () => {
  it("refuses a denyoom command run by a command that is not, and lets reads through", async () => {
    await server.r.config("SET", "maxmemory-policy", "noeviction");
    await server.r.config("SET", "maxmemory", "1");
    try {
      expect(await inner(server.r, "SET", "k", "v")).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
      expect(await inner(server.r, "GET", "a:1")).toBe("$4\r\nmine\r\n");
    } finally {
      await server.r.config("SET", "maxmemory", "0");
    }
    expect(await inner(server.r, "SET", "k", "v")).toBe("+OK\r\n");
  });
});

describe("MONITOR", () => {
  it("shows the inner command as the calling client's, before the command that ran it", async () => {
    const monitor = await RawConnection.open(server.port);
    const caller = await RawConnection.open(server.port);
    try {
      const addr = /addr=(\S+)/.exec(await caller.send(["client", "info"]))![1];
      expect(await monitor.send(["monitor"])).toBe("+OK\r\n");
      const seen = monitor.sendRaw("", (text) => text.split("\r\n").length > 2);
      await caller.send(["waiter.call", "get", "a:1"]);
      const lines = (await seen).split("\r\n").slice(0, 2);
      expect(lines[0]).toMatch(new RegExp(`^\\+\\d+\\.\\d{6} \\[0 ${addr}\\] "get" "a:1"$`));
      expect(lines[1]).toMatch(new RegExp(`^\\+\\d+\\.\\d{6} \\[0 ${addr}\\] "waiter.call" "get" "a:1"$`));
    } finally {
      monitor.close();
      caller.close();
    }
  });
});
