// ACL LOG: an entry per refusal (command, key, auth) with Redis's fields, repeats folded into one entry,
// newest first, COUNT and RESET, and acllog-max-len. Runs against redis-server too (TEST_AGAINST=redis);
// the entry-id and timestamp fields are Redis 7.2's, absent from the 7.0 reference.
import { beforeEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";

// No ready check: ioredis's INFO would be one more refusal in the log.
const server = useServer([], { client: { enableReadyCheck: false } });
type Entry = Record<string, string | number>;

async function entries(count?: number): Promise<Entry[]> {
  const raw = (await server.r.call("acl", "log", ...(count === undefined ? [] : [String(count)]))) as unknown[][];
  return raw.map((e) => Object.fromEntries(Array.from({ length: e.length / 2 }, (_, i) => [e[2 * i], e[2 * i + 1]])) as Entry);
}

beforeEach(async () => {
  await server.r.call("acl", "log", "reset");
  await server.r.call("acl", "setuser", "lim", "on", ">pw", "~k*", "-@all", "+get", "+set");
});

it("logs a denied command, a denied key and a failed AUTH with Redis's fields", async () => {
  const r = server.client({ username: "lim", password: "pw" });
  await expect(r.del("k1")).rejects.toThrow(/^NOPERM/);
  await expect(r.get("other")).rejects.toThrow(/^NOPERM/);
  await expect(server.client().call("auth", "lim", "wrong")).rejects.toThrow("WRONGPASS");
  const [auth, key, command] = await entries();
  expect(command).toMatchObject({ count: 1, reason: "command", context: "toplevel", object: "del", username: "lim" });
  expect(key).toMatchObject({ count: 1, reason: "key", context: "toplevel", object: "other", username: "lim" });
  expect(auth).toMatchObject({ count: 1, reason: "auth", context: "toplevel", object: "auth", username: "lim" });
  expect(command["client-info"]).toMatch(/^id=\d+ addr=127\.0\.0\.1:\d+ .* cmd=del user=lim /);
  expect(Number(command["age-seconds"])).toBeGreaterThanOrEqual(0);
  if (server.target.kind === "ferrite") {
    expect(Object.keys(command)).toEqual(["count", "reason", "context", "object", "username", "age-seconds", "client-info", "entry-id", "timestamp-created", "timestamp-last-updated"]);
    expect(Number(auth["entry-id"])).toBe(Number(command["entry-id"]) + 2);
    expect(Math.abs(Number(command["timestamp-created"]) - Date.now())).toBeLessThan(10_000);
  }
});

it("folds repeats of one refusal into one entry and lists the newest first", async () => {
  const r = server.client({ username: "lim", password: "pw" });
  for (let i = 0; i < 3; i++) await expect(r.del("k1")).rejects.toThrow(/^NOPERM/);
  await expect(r.get("x")).rejects.toThrow(/^NOPERM/);
  await expect(r.del("k1")).rejects.toThrow(/^NOPERM/);
  const log = await entries();
  expect(log.map((e) => [e.reason, e.object, e.count])).toEqual([["command", "del", 4], ["key", "x", 1]]);
  expect(await entries(1)).toHaveLength(1);
  expect(await entries(0)).toEqual([]);
  await expect(server.r.call("acl", "log", "x")).rejects.toThrow("ERR value is not an integer or out of range");
  expect(await server.r.call("acl", "log", "reset")).toBe("OK");
  expect(await entries()).toEqual([]);
});

it("keeps at most acllog-max-len entries", async () => {
  await server.r.config("SET", "acllog-max-len", "2");
  try {
    const r = server.client({ username: "lim", password: "pw" });
    for (const key of ["a", "b", "c"]) await expect(r.get(key)).rejects.toThrow(/^NOPERM/);
    expect((await entries()).map((e) => e.object)).toEqual(["c", "b"]);
  } finally {
    await server.r.config("SET", "acllog-max-len", "128");
  }
});
