// SORT's BY and GET patterns under ACL (issue 11): a pattern can name any key, so Redis refuses them to
// a user without read access to every key (sort.c), before reading or storing anything; BY without `*`
// reads no key and stays allowed. Also runs against redis-server (TEST_AGAINST=redis).
import { beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const server = useServer();
const BY_DENIED = "ERR BY option of SORT denied due to insufficient ACL permissions.";
const GET_DENIED = "ERR GET option of SORT denied due to insufficient ACL permissions.";

/** A client authenticated as a new user with `rules`. */
async function userWith(name: string, ...rules: string[]): Promise<Redis> {
  await server.r.acl("SETUSER", name, "reset", "on", "nopass", "+@all", ...rules);
  const c = server.client();
  await c.auth(name, "x");
  return c;
}

beforeAll(async () => {
  await server.r.rpush("a:l", "2", "1");
  await server.r.mset("s1", "secret-1", "s2", "secret-2", "w_1", "1", "w_2", "2");
  await server.r.hset("h1", "f", "hidden-1");
  await server.r.hset("h2", "f", "hidden-2");
});

describe("a user limited to ~a:*", () => {
  let u: Redis;
  beforeAll(async () => {
    u = await userWith("limited", "~a:*");
  });

  it("is refused GET patterns, string or hash field, and # too", async () => {
    expect(await errorOf(u.sort("a:l", "BY", "nosort", "GET", "s*"))).toBe(GET_DENIED);
    expect(await errorOf(u.sort("a:l", "GET", "h*->f"))).toBe(GET_DENIED);
    expect(await errorOf(u.sort("a:l", "GET", "#"))).toBe(GET_DENIED);
    expect(await errorOf(u.call("SORT_RO", "a:l", "GET", "s*"))).toBe(GET_DENIED);
  });

  it("is refused BY with a pattern, even over a missing key, and allowed BY without one", async () => {
    expect(await errorOf(u.sort("a:l", "BY", "w_*"))).toBe(BY_DENIED);
    expect(await errorOf(u.sort("a:missing", "BY", "w_*"))).toBe(BY_DENIED);
    expect(await u.sort("a:l", "BY", "nosort")).toEqual(["2", "1"]);
    expect(await u.sort("a:l")).toEqual(["1", "2"]);
  });

  it("copies nothing into its own keys with STORE", async () => {
    expect(await errorOf(u.sort("a:l", "BY", "nosort", "GET", "s*", "STORE", "a:copy"))).toBe(GET_DENIED);
    expect(await u.exists("a:copy")).toBe(0);
  });

  it("gets the first error in argument order, as Redis parses them", async () => {
    expect(await errorOf(u.sort("a:l", "BOGUS", "GET", "s*"))).toBe("ERR syntax error");
    expect(await errorOf(u.sort("a:l", "GET", "s*", "BOGUS"))).toBe(GET_DENIED);
  });

  it("is refused at EXEC, not when queued", async () => {
    const replies = await u.multi().sort("a:l", "GET", "#").ping().exec();
    expect(replies![0][0]!.message).toBe(GET_DENIED);
    expect(replies![1]).toEqual([null, "PONG"]);
  });
});

it("allows patterns to a user who may read every key, writing only its own", async () => {
  const u = await userWith("reader", "%R~*", "~a:*");
  expect(await u.sort("a:l", "BY", "w_*", "GET", "s*", "GET", "h*->f")).toEqual(["secret-1", "hidden-1", "secret-2", "hidden-2"]);
  expect(await u.sort("a:l", "BY", "nosort", "GET", "s*", "STORE", "a:copy")).toBe(2);
  expect(await u.lrange("a:copy", 0, -1)).toEqual(["secret-2", "secret-1"]);
});
