// EVALSHA and FCALL are held by CLIENT PAUSE WRITE, and refused over maxmemory and with
// min-replicas-to-write, only as their script or function declares (host API 1.9 ferrite_command_flags:
// Redis's evalGetCommandFlags and fcallGetCommandFlags, answered by the scripting plugin), on Ferrite and
// on Debian's redis-server alike. EVAL's shebang cases are shebang-flags.test.ts's.
import { afterEach, describe, expect, it } from "vitest";
import { sleep, useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { infoField } from "../../../test/integration/observability/info-fields.js";

const servers = { ferrite: useServer([], { kind: "ferrite", flush: true }), redis: useServer([], { kind: "redis", flush: true }) };

const LIBRARY = [
  "#!lua name=callflags",
  "redis.register_function{function_name='reader', callback=function() return 1 end, flags={'no-writes'}}",
  "redis.register_function{function_name='oomok', callback=function() return 2 end, flags={'allow-oom'}}",
  "redis.register_function('writer', function() return 3 end)",
].join("\n");
const NO_WRITES = "#!lua flags=no-writes\nreturn 4";
const ALLOW_OOM = "#!lua flags=allow-oom\nreturn 5";
const PLAIN = "return 6";

describe.each(["ferrite", "redis"] as const)("on %s", (kind) => {
  const server = servers[kind];

  afterEach(async () => {
    await server.r.call("client", "unpause");
    await server.r.call("function", "flush");
  });

  it("CLIENT PAUSE WRITE lets no-writes EVALSHA and FCALL run and holds the others", async () => {
    const admin = server.client();
    await admin.call("function", "load", LIBRARY);
    const [reader, plain] = await Promise.all([admin.call("script", "load", NO_WRITES), admin.call("script", "load", PLAIN)]);
    await admin.call("client", "pause", "60000", "write");
    const client = server.client();
    expect(await client.call("evalsha", reader as string, "0")).toBe(4);
    expect(await client.call("evalsha_ro", reader as string, "0")).toBe(4);
    expect(await client.call("fcall", "reader", "0")).toBe(1);
    expect(await client.call("fcall_ro", "reader", "0")).toBe(1);
    const held = [server.client(), server.client(), server.client()];
    let answered = 0;
    const replies = [held[0].call("evalsha", plain as string, "0"), held[1].call("fcall", "writer", "0"), held[2].call("fcall", "oomok", "0")].map((p) =>
      p.then((v) => (answered++, v)),
    );
    for (let i = 0; i < 100 && infoField((await admin.call("info", "clients")) as string, "blocked_clients") !== "3"; i++) await sleep(20);
    expect(infoField((await admin.call("info", "clients")) as string, "blocked_clients")).toBe("3");
    expect(answered).toBe(0);
    await admin.call("client", "unpause");
    expect(await Promise.all(replies)).toEqual([6, 3, 2]);
  });
});

it("over maxmemory and without enough replicas, EVALSHA and FCALL answer as on redis-server", async () => {
  const shas: string[] = [];
  for (const server of [servers.ferrite, servers.redis]) {
    await server.r.call("function", "load", "replace", LIBRARY);
    shas.push((await server.r.call("script", "load", ALLOW_OOM)) as string, (await server.r.call("script", "load", NO_WRITES)) as string);
  }
  expect(shas.slice(0, 2)).toEqual(shas.slice(2));
  const [allowOom, noWrites] = shas;
  const commands = [
    ["CONFIG", "SET", "maxmemory", "1"],
    ["EVALSHA", allowOom, "0"],
    ["EVALSHA", noWrites, "0"],
    ["FCALL", "reader", "0"],
    ["FCALL", "oomok", "0"],
    ["FCALL", "writer", "0"],
    ["FCALL", "nosuch", "0"],
    ["EVALSHA", "0123456789012345678901234567890123456789", "0"],
    ["CONFIG", "SET", "maxmemory", "0"],
    ["CONFIG", "SET", "min-replicas-to-write", "1"],
    ["EVALSHA", noWrites, "0"],
    ["EVALSHA", allowOom, "0"],
    ["FCALL_RO", "reader", "0"],
    ["FCALL", "writer", "0"],
    ["CONFIG", "SET", "min-replicas-to-write", "0"],
    ["FUNCTION", "FLUSH"],
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  expect(mine[5]).toMatch(/^-OOM /);
  expect(mine[13]).toBe("-NOREPLICAS Not enough good replicas to write.\r\n");
});
