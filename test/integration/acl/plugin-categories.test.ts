// Plugin commands obey ACL like built-in ones: categories from their manifests plus those Redis derives
// from flags, for plugins loaded after the users were defined (MODULE LOAD), and the rules that name a
// plugin's command follow it through unload and reload. Ferrite only: redis-server loads no wasm plugin.
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { ROOT } from "../../helpers/target.js";

const server = useServer([], { kind: "ferrite" });
const COUNTER = join(ROOT, "build/fixtures/counter.wasm");
const WAITER = join(ROOT, "build/fixtures/waiter.wasm");
const acl = (...args: string[]) => server.r.call("acl", ...args);

beforeAll(async () => {
  await acl("setuser", "nowrite", "on", ">pw", "~*", "+@all", "-@write");
  await acl("setuser", "writers", "on", ">pw", "~*", "-@all", "+@write");
  await acl("setuser", "hashless", "on", ">pw", "~*", "+@all", "-@hash");
  await server.r.call("module", "load", COUNTER);
  await server.r.call("module", "load", WAITER);
});

it("applies category rules to the commands of a plugin loaded later", async () => {
  const r = server.client({ username: "nowrite", password: "pw" });
  expect(await r.call("counter.get", "c1")).toBeNull();
  await expect(r.call("counter.incrby", "c1", "1")).rejects.toThrow("NOPERM User nowrite has no permissions to run the 'counter.incrby' command");
  const w = server.client({ username: "writers", password: "pw" });
  expect(await w.call("counter.incrby", "c1", "5")).toBe(5);
  await expect(w.call("counter.get", "c1")).rejects.toThrow("NOPERM User writers has no permissions to run the 'counter.get' command");
});

it("adds the categories Redis derives from flags to what a manifest lists", async () => {
  // waiter.call's manifest lists only @slow; its `write` flag makes it @write too.
  expect(await acl("dryrun", "writers", "waiter.call", "get", "x")).toBe("OK");
  expect(await acl("dryrun", "nowrite", "waiter.call", "get", "x")).toBe("User nowrite has no permissions to run the 'waiter.call' command");
  expect(await acl("cat", "write")).toEqual(expect.arrayContaining(["counter.incrby", "waiter.call", "set"]));
  expect(await acl("cat", "read")).toContain("counter.get");
});

it("keeps built-in families' categories: -@hash denies the hash plugin's commands", async () => {
  const r = server.client({ username: "hashless", password: "pw" });
  await expect(r.hset("h", "f", "v")).rejects.toThrow("NOPERM User hashless has no permissions to run the 'hset' command");
  expect(await r.set("s", "v")).toBe("OK");
});

it("lets rules name a plugin's commands once loaded, and reapplies them on reload", async () => {
  await expect(acl("setuser", "named", "+counter.reset")).resolves.toBe("OK");
  await acl("setuser", "named", "on", ">pw", "~*", "+counter.get");
  expect(await acl("dryrun", "named", "counter.get", "c1")).toBe("OK");
  await server.r.del("c1");
  await server.r.call("module", "unload", "counter");
  await expect(acl("setuser", "other", "+counter.get")).rejects.toThrow("ERR Error in ACL SETUSER modifier '+counter.get': Unknown command or category name in ACL");
  expect(await acl("getuser", "named")).toContain("-@all +counter.reset +counter.get");
  await server.r.call("module", "load", COUNTER);
  expect(await acl("dryrun", "named", "counter.get", "c1")).toBe("OK");
  expect(await acl("dryrun", "named", "counter.incrby", "c1", "1")).toBe("User named has no permissions to run the 'counter.incrby' command");
});
