// The aclfile: users loaded at startup, ACL SAVE and ACL LOAD round trip, a bad file refused whole with
// Redis's error text, and SAVE/LOAD refused without an aclfile. Runs against redis-server too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { startTarget } from "../../helpers/target.js";
import { NOPERM_KEY } from "./nopermtext.js";

const dir = mkdtempSync(join(tmpdir(), "aclfile-"));
const file = join(dir, "users.acl");
const SHA_PW = "30c952fab122c3f9759f02a6d95c3758b246b4fee239957b2d4fee46e26170c4"; // sha256("pw")
writeFileSync(file, "user default on nopass ~* &* +@all\n\nuser alice on >pw ~a* resetchannels -@all +get\n");
const server = useServer(["--aclfile", file]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("loads the users of the aclfile at startup", async () => {
  expect(await server.r.call("acl", "list")).toEqual([
    `user alice on #${SHA_PW} ~a* resetchannels -@all +get`,
    "user default on nopass ~* &* +@all",
  ]);
  const alice = server.client({ username: "alice", password: "pw" });
  expect(await alice.get("a1")).toBeNull();
});

it("saves the users and loads them back", async () => {
  await server.r.call("acl", "setuser", "bob", "on", "nopass", "%R~b*", "+@read");
  expect(await server.r.call("acl", "save")).toBe("OK");
  const saved = readFileSync(file, "utf8");
  expect(saved).toContain("user bob on nopass %R~b* resetchannels -@all +@read\n");
  expect(saved).toContain(`user alice on #${SHA_PW} ~a* resetchannels -@all +get\n`);
  const alice = server.client({ username: "alice", password: "pw" });
  expect(await alice.get("a1")).toBeNull();
  await server.r.call("acl", "deluser", "bob");
  await server.r.call("acl", "setuser", "carol");
  expect(await server.r.call("acl", "load")).toBe("OK");
  expect(await server.r.call("acl", "users")).toEqual(["alice", "bob", "default"]);
  // Alice's connection goes on with the reloaded alice.
  expect(await alice.get("a1")).toBeNull();
  await expect(alice.get("b1")).rejects.toThrow(NOPERM_KEY);
});

it("refuses a bad file whole, with every error, and keeps the users", async () => {
  const before = await server.r.call("acl", "list");
  writeFileSync(file, "user default on nopass ~* &* +@all\nuser x on +nosuch\nbogus line\nuser alice on\nuser alice off\n");
  await expect(server.r.call("acl", "load")).rejects.toThrow(
    `ERR ${file}:2: Error in applying operation '+nosuch': Unknown command or category name in ACL. ` +
      `${file}:3 should start with user keyword followed by the username. ` +
      "WARNING: Duplicate user 'alice' found on line 5. " +
      "WARNING: ACL errors detected, no change to the previously active ACL rules was performed",
  );
  expect(await server.r.call("acl", "list")).toEqual(before);
});

it("refuses SAVE and LOAD without an aclfile", async () => {
  const plain = await startTarget();
  const { Redis } = await import("ioredis");
  const r = new Redis({ port: plain.port, host: "127.0.0.1", maxRetriesPerRequest: 0 });
  try {
    const text =
      "ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.";
    await expect(r.call("acl", "save")).rejects.toThrow(text);
    await expect(r.call("acl", "load")).rejects.toThrow(text);
  } finally {
    r.disconnect();
    await plain.stop();
  }
});
