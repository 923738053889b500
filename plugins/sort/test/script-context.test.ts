// SORT … BY a constant orders a set's elements when a script runs it (host API 1.9 context_flags: Redis
// forces ALPHA on CLIENT_SCRIPT, so a script's reply does not depend on the set's layout), and keeps the
// set's own order from a client; lists keep theirs either way. Compared with Debian's redis-server.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const servers = { ferrite: useServer([], { kind: "ferrite", flush: true }), redis: useServer([], { kind: "redis", flush: true }) };
const ELEMENTS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "z", "aa", "aaa", "azz"];

it("sorts a set BY a constant inside a script (EVAL and FCALL), as redis-server", async () => {
  const commands = [
    ["SADD", "myset", ...ELEMENTS],
    ["RPUSH", "mylist", "b", "a", "c"],
    ["EVAL", "return redis.call('sort', KEYS[1], 'by', '_')", "1", "myset"],
    ["EVAL", "return redis.call('sort', KEYS[1], 'by', 'nosort', 'desc', 'limit', '0', '3')", "1", "myset"],
    ["EVAL", "return redis.call('sort_ro', KEYS[1], 'by', '_')", "1", "myset"],
    ["EVAL", "return redis.call('sort', KEYS[1], 'by', '_')", "1", "mylist"],
    ["FUNCTION", "LOAD", "REPLACE", "#!lua name=sorter\nredis.register_function('sorted', function(keys) return redis.call('sort', keys[1], 'by', '_') end)"],
    ["FCALL", "sorted", "1", "myset"],
    ["FUNCTION", "DELETE", "sorter"],
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  const sorted = [...ELEMENTS].sort();
  expect(mine[2]).toBe(`*${sorted.length}\r\n${sorted.map((e) => `$${e.length}\r\n${e}\r\n`).join("")}`);
});

it("keeps a set's own order BY a constant from a client", async () => {
  const r = servers.ferrite.r;
  await r.sadd("small", "3", "1", "2"); // an intset: its own order is ascending
  await r.sadd("big", ...ELEMENTS); // a listpack: insertion order
  expect(await r.sort("small", "BY", "_")).toEqual(await r.smembers("small"));
  expect(await r.sort("big", "BY", "_")).toEqual(await r.smembers("big"));
  expect(await r.sort("big", "BY", "_")).not.toEqual([...ELEMENTS].sort());
});
