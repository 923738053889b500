// CLIENT UNBLOCK id [TIMEOUT|ERROR]: a client blocked on keys answers as on its timeout (BLPOP's null
// array, BZPOPMIN's, XREAD's) or with the UNBLOCKED error, then serves what it pipelined; anything else
// answers 0. Runs against redis-server too (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { blockedClients, untilBlocked } from "../../helpers/blocking.js";

const server = useServer([], { flush: true });

/** A client of its own blocked in `args`, its id, and its reply to come. */
async function blockedClient(...args: string[]): Promise<{ id: number; reply: Promise<unknown> }> {
  const c = server.client();
  const id = (await c.call("client", "id")) as number;
  const before = await blockedClients(server);
  const reply = c.call(args[0]!, ...args.slice(1));
  reply.catch(() => {});
  await untilBlocked(server, before + 1);
  return { id, reply };
}

it("TIMEOUT (the default) answers the command's timeout reply, and the client serves its next commands", async () => {
  const blpop = await blockedClient("blpop", "l", "0");
  expect(await server.r.call("client", "unblock", String(blpop.id))).toBe(1);
  expect(await blpop.reply).toBeNull();
  const xread = await blockedClient("xread", "block", "0", "streams", "s", "$");
  expect(await server.r.call("client", "unblock", String(xread.id), "TIMEOUT")).toBe(1);
  expect(await xread.reply).toBeNull();
  expect(await blockedClients(server)).toBe(0);
});

it("ERROR fails the blocked command with UNBLOCKED", async () => {
  const b = await blockedClient("bzpopmin", "z", "0");
  expect(await server.r.call("client", "unblock", String(b.id), "error")).toBe(1);
  expect(await errorOf(b.reply as Promise<unknown>)).toBe("UNBLOCKED client unblocked via CLIENT UNBLOCK");
});

it("answers 0 for a client that is not blocked or does not exist, and Redis's errors for bad arguments", async () => {
  const me = (await server.r.call("client", "id")) as number;
  expect(await server.r.call("client", "unblock", String(me))).toBe(0);
  expect(await server.r.call("client", "unblock", "999999")).toBe(0);
  expect(await errorOf(server.r.call("client", "unblock", "asd"))).toBe("ERR value is not an integer or out of range");
  expect(await errorOf(server.r.call("client", "unblock", String(me), "later"))).toBe("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
});

it("a blocked command counts as one call when answered, failed when its answer is an error", async () => {
  await server.r.config("RESETSTAT");
  await server.r.call("xgroup", "create", "cs", "g", "$", "MKSTREAM");
  const xreadgroup = await blockedClient("xreadgroup", "group", "g", "alice", "block", "0", "streams", "cs", ">");
  // Woken by the group's removal, its run answers NOGROUP (Redis's updateStatsOnUnblock counts it then).
  await server.r.call("xgroup", "destroy", "cs", "g");
  expect(await errorOf(xreadgroup.reply)).toMatch(/^NOGROUP /);
  const blpop = await blockedClient("blpop", "l", "0");
  await server.r.call("client", "unblock", String(blpop.id), "ERROR");
  await blpop.reply.catch(() => {});
  const stats = await server.r.info("commandstats");
  expect(stats).toMatch(/^cmdstat_xreadgroup:calls=1,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=1\r$/m);
  expect(stats).toMatch(/^cmdstat_blpop:calls=1,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=1\r$/m);
});
