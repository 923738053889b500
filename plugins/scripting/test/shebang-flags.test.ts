// An EVAL whose script declares flags on a shebang line is held by CLIENT PAUSE WRITE and refused over
// maxmemory only as it declares (Redis's evalGetCommandFlags; the plugin's ferrite_command_flags), on
// Ferrite and on Debian's redis-server alike: a script without a shebang keeps EVAL's own flags.
import { afterEach, describe, expect, it } from "vitest";
import { sleep, useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { infoField } from "../../../test/integration/observability/info-fields.js";

const servers = { ferrite: useServer([], { kind: "ferrite", flush: true }), redis: useServer([], { kind: "redis", flush: true }) };

const WRITES = "#!lua\nreturn 1";
const NO_WRITES = "#!lua flags=no-writes\nreturn 2";
const ALLOW_OOM = "#!lua flags=allow-oom\nreturn 3";

describe.each(["ferrite", "redis"] as const)("on %s", (kind) => {
  const server = servers[kind];

  afterEach(async () => {
    await server.r.call("client", "unpause");
    await server.r.call("config", "set", "maxmemory", "0");
  });

  it("CLIENT PAUSE WRITE holds EVAL without a shebang and with one declaring writes, not a no-writes one", async () => {
    const admin = server.client();
    await admin.call("client", "pause", "60000", "write");
    const reader = server.client();
    expect(await reader.call("eval", NO_WRITES, "0")).toBe(2);
    expect(await reader.call("eval_ro", "return 4", "0")).toBe(4);
    const held = [server.client(), server.client()];
    let answered = 0;
    const replies = [held[0].call("eval", "return 5", "0"), held[1].call("eval", WRITES, "0")].map((p) => p.then((v) => (answered++, v)));
    for (let i = 0; i < 100 && infoField((await admin.call("info", "clients")) as string, "blocked_clients") !== "2"; i++) await sleep(20);
    expect(infoField((await admin.call("info", "clients")) as string, "blocked_clients")).toBe("2");
    expect(answered).toBe(0);
    await admin.call("client", "unpause");
    expect(await Promise.all(replies)).toEqual([5, 1]);
  });

  it("CLIENT PAUSE WRITE holds an EXEC that queued a writing EVAL, not one of no-writes EVALs", async () => {
    const admin = server.client();
    await admin.call("client", "pause", "60000", "write");
    const reader = server.client();
    expect(await reader.multi().eval(NO_WRITES, 0).eval(NO_WRITES, 0).exec()).toEqual([[null, 2], [null, 2]]);
    let answered = false;
    const writer = server.client().multi().eval(WRITES, 0).exec().then((v) => ((answered = true), v));
    for (let i = 0; i < 100 && infoField((await admin.call("info", "clients")) as string, "blocked_clients") !== "1"; i++) await sleep(20);
    expect(answered).toBe(false);
    await admin.call("client", "unpause");
    expect(await writer).toEqual([[null, 1]]);
  });
});

it("over maxmemory, EVAL of a shebang script is refused unless it declares no-writes or allow-oom, as on redis-server", async () => {
  const commands = [
    ["CONFIG", "SET", "maxmemory", "1"],
    ["EVAL", WRITES, "0"],
    ["EVAL", NO_WRITES, "0"],
    ["EVAL", ALLOW_OOM, "0"],
    ["EVAL", "return 6", "0"],
    ["EVAL", "#!lua flags=bogus\nreturn 7", "0"],
    ["CONFIG", "SET", "maxmemory", "0"],
    ["EVAL", WRITES, "0"],
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  expect(mine[1]).toMatch(/^-OOM /);
});

it("with min-replicas-to-write and no replicas, writes are refused from clients and scripts, as on redis-server", async () => {
  const commands = [
    ["SET", "x", "v"],
    ["CONFIG", "SET", "min-replicas-to-write", "1"],
    ["EVAL", "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", "1", "x"],
    ["EVAL", "return redis.call('get', KEYS[1])", "1", "x"],
    ["EVAL", "#!lua\nreturn redis.call('get', KEYS[1])", "1", "x"],
    ["EVAL", "return redis.call('set', KEYS[1], 1)", "1", "x"],
    ["EVAL", "return redis.pcall('set', KEYS[1], 1)", "1", "x"],
    ["SET", "x", "2"],
    ["GET", "x"],
    ["CONFIG", "SET", "min-slaves-max-lag", "0"],
    ["SET", "x", "3"],
    ["CONFIG", "SET", "min-replicas-max-lag", "10"],
    ["CONFIG", "GET", "min-slaves-to-write"],
    ["CONFIG", "GET", "min-replicas-max-lag"],
    ["CONFIG", "SET", "min-replicas-to-write", "0"],
    ["SET", "x", "4"],
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  expect(mine[7]).toBe("-NOREPLICAS Not enough good replicas to write.\r\n");
});
