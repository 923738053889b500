// CLIENT PAUSE holds expiry, as Redis 7 does (PAUSE_ACTION_EXPIRE, under WRITE and ALL): a key past its
// time reads as absent but is neither deleted by a lookup nor by the active cycle, so expired_keys does
// not move until the pause ends (Redis's unit/pause `Test both active and passive expires are skipped
// during client pause`, which the suite never reaches: the unit aborts earlier). Also runs against
// redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { sleep, useServer } from "../../helpers/server.js";

const server = useServer();

async function expiredKeys(): Promise<number> {
  return Number(/\r\nexpired_keys:(\d+)\r\n/.exec((await server.r.info("stats")) as string)![1]);
}

it("keeps expired keys while paused, reading them as absent, and expires them once unpaused", async () => {
  const before = await expiredKeys();
  const results = await server.r.multi().set("foo", "bar", "PX", "10").set("bar", "foo", "PX", "10").client("PAUSE", "50000", "WRITE").exec();
  expect(results).toEqual([[null, "OK"], [null, "OK"], [null, "OK"]]);
  try {
    await sleep(300); // several active expire cycles (10 per second)
    expect(await server.r.get("foo")).toBeNull();
    expect(await server.r.get("bar")).toBeNull();
    expect(await expiredKeys()).toBe(before);
  } finally {
    await server.r.client("UNPAUSE");
  }
  await server.r.get("foo");
  await server.r.get("bar");
  expect(await expiredKeys()).toBe(before + 2);
});
