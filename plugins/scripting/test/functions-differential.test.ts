// FUNCTION and FCALL on Ferrite and on Debian's redis-server, replies compared byte for byte in RESP2 and
// RESP3: library declarations (header, both register_function forms, flags), every FUNCTION subcommand
// whose reply does not depend on Redis's RDB payload format, and their error texts.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const ferrite = useServer([], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });

/** Each run starts without libraries (FLUSHALL leaves them, as in Redis). */
async function both(protocol: 2 | 3, commands: string[][]): Promise<[string[], string[]]> {
  const all = [["FUNCTION", "FLUSH"], ["SET", "k:s", "hello"], ...commands];
  return [await rawReplies(ferrite.port, protocol, ...all), await rawReplies(redis.port, protocol, ...all)];
}

const lib = (name: string, body: string) => `#!lua name=${name}\n${body}`;
const load = (code: string, ...options: string[]) => ["FUNCTION", "LOAD", ...options, code];

const ECHO = lib("echo", "redis.register_function('echo', function(keys, args) return {keys[1], args[1], #keys, #args} end)");
// Redis lists a library's functions, and the libraries, in its dicts' hash order: each library
// compared in full holds one function, and FUNCTION LIST without a pattern sees one library.
const READER = lib(
  "rlib",
  "redis.register_function{function_name='reader', callback=function(keys) return redis.call('GET', keys[1]) end,\n" +
    "  flags={'no-writes', 'allow-stale'}, description='reads a key'}",
);
const WRITER = lib(
  "wlib",
  "redis.register_function{function_name='writer', callback=function(keys, args) return redis.call('SET', keys[1], args[1]) end,\n" +
    "  flags={'allow-oom', 'no-cluster', 'allow-cross-slot-keys'}}",
);

// More functions than FCALL's lookup cache has slots (64), each called by names in two cases, then
// after each change to the functions (REPLACE, DELETE, another library, FLUSH): a stale cached entry
// would answer the old function or find a deleted one.
const MANY = 100;
const many = (offset: number) => lib("many", Array.from({ length: MANY }, (_, i) => `redis.register_function('fn${i}', function() return ${i + offset} end)`).join("\n"));
const callMany = () => Array.from({ length: MANY }, (_, i) => [["FCALL", `fn${i}`, "0"], ["FCALL", `FN${i}`, "0"]]).flat();

const CASES: [name: string, commands: string[][]][] = [
  ["finds each of many functions by name, whatever its case, and the new ones after every change", [
    load(many(0)),
    ...callMany(),
    load(many(1000), "REPLACE"),
    ...callMany(),
    ["FUNCTION", "DELETE", "many"],
    ...callMany(),
    load(lib("other", "redis.register_function('fn1', function() return 'other' end)")),
    ...callMany(),
    ["FUNCTION", "FLUSH"],
    ...callMany(),
  ]],
  ["loads and calls a positional function", [load(ECHO), ["FCALL", "echo", "1", "k:a", "v1", "v2"], ["FCALL", "ECHO", "0"], ["FCALL", "echo", "0"]]],
  ["loads named functions with flags and a description", [
    load(READER),
    ["FUNCTION", "LIST"],
    ["FUNCTION", "LIST", "WITHCODE"],
    load(WRITER),
    ["FCALL", "writer", "1", "k:w", "x"],
    ["FCALL", "reader", "1", "k:w"],
    ["FCALL_RO", "reader", "1", "k:w"],
    ["FCALL_RO", "writer", "1", "k:w", "y"],
    ["FUNCTION", "LIST", "LIBRARYNAME", "RL*"],
    ["FUNCTION", "LIST", "libraryname", "w?ib", "withcode"],
    ["FUNCTION", "LIST", "LIBRARYNAME", "x*"],
    ["FUNCTION", "STATS"],
  ]],
  ["refuses a write from a no-writes function", [
    load(lib("nw", "redis.register_function{function_name='nw', callback=function(keys) return redis.call('SET', keys[1], 'v') end, flags={'no-writes'}}")),
    ["FCALL", "nw", "1", "k:x"],
    ["FCALL_RO", "nw", "1", "k:x"],
  ]],
  ["replaces a library with REPLACE only", [load(ECHO), load(ECHO), load(ECHO, "REPLACE"), load(ECHO, "replace"), load(ECHO, "NOPE"), ["FUNCTION", "LOAD"], ["FUNCTION", "LOAD", "REPLACE"]]],
  ["keeps both libraries' functions apart", [
    load(ECHO),
    load(lib("other", "redis.register_function('echo', function() return 1 end)")),
    load(lib("echo", "redis.register_function('echo2', function() return 2 end)"), "REPLACE"),
    ["FCALL", "echo", "0"],
    ["FCALL", "echo2", "0"],
    load(lib("other", "redis.register_function('echo', function() return 1 end)")),
    ["FCALL", "echo", "0"],
  ]],
  ["answers metadata errors", [
    load("return 1"),
    load("#!lua name=x"),
    load("#!python name=x\nredis.register_function('f', function() end)"),
    load("#!lua\nredis.register_function('f', function() end)"),
    load("#!lua name=a name=b\nredis.register_function('f', function() end)"),
    load("#!lua name=a foo=b\nredis.register_function('f', function() end)"),
    load("#!lua name=bad-name\nredis.register_function('f', function() end)"),
    load("#!lua name=\nredis.register_function('f', function() end)"),
    load("#!LUA name=upper\nredis.register_function('up', function() return 1 end)"),
    load('#!lua name="quoted"\nredis.register_function(\'q1\', function() return 1 end)'),
    load("#!lua 'name=single'\nredis.register_function('q2', function() return 1 end)"),
    load('#!lua name="\\x41b\\n"\nredis.register_function(\'q3\', function() return 1 end)'),
    load('#!lua name="open\nredis.register_function(\'q4\', function() return 1 end)'),
    load('#!lua name="a"b\nredis.register_function(\'q5\', function() return 1 end)'),
  ]],
  ["answers errors from a library's code", [
    load(lib("c", "return +")),
    load(lib("r", "error('at load')")),
    load(lib("t", "error({err='MY table'})")),
    load(lib("e", "local x = 1")),
    load(lib("g", "return string.len('x')")),
    load(lib("w", "x = 1")),
    load(lib("k", "redis.call('GET', 'k')")),
    load(lib("d", "redis.register_function('f', function() end) redis.register_function('f', function() end)")),
  ]],
  // function_lua.c's 500 ms load timeout, well inside the host's CPU budget (1000 ms by default), whose
  // own error would read "ERR plugin 'scripting' exceeded its CPU budget"; the server then goes on.
  ["stops a library whose top level loops with Redis's FUNCTION LOAD timeout", [
    load(lib("spin", "local a = 1\nwhile 1 do a = a + 1 end")),
    ["FUNCTION", "LIST"],
    load(ECHO),
    ["FCALL", "echo", "0"],
  ]],
  ["answers register_function's argument errors", [
    load(lib("a", "redis.register_function()")),
    load(lib("a", "redis.register_function('a', function() end, 3)")),
    load(lib("a", "redis.register_function(1)")),
    load(lib("a", "redis.register_function({}, function() end)")),
    load(lib("a", "redis.register_function('f', 'g')")),
    load(lib("a", "redis.register_function('bad-name', function() end)")),
    load(lib("a", "redis.register_function{callback=function() end}")),
    load(lib("a", "redis.register_function{function_name='f'}")),
    load(lib("a", "redis.register_function{function_name={}, callback=function() end}")),
    load(lib("a", "redis.register_function{function_name='f', callback='x'}")),
    load(lib("a", "redis.register_function{function_name='f', callback=function() end, description={}}")),
    load(lib("a", "redis.register_function{function_name='f', callback=function() end, flags='no-writes'}")),
    load(lib("a", "redis.register_function{function_name='f', callback=function() end, flags={'nope'}}")),
    load(lib("a", "redis.register_function{function_name='f', callback=function() end, colour='red'}")),
    load(lib("a", "redis.register_function{function_name='f', callback=function() end, flags={'NO-WRITES'}}")),
    ["FUNCTION", "LIST"],
  ]],
  ["answers FCALL's errors", [
    load(lib("f", [
      "redis.register_function('boom', function() error('boom') end)",
      "redis.register_function('tab', function() error({err='CODE text'}) end)",
      "redis.register_function('bad', function(keys) return redis.call('INCR', keys[1]) end)",
      "redis.register_function('glob', function() return undefined_thing end)",
      "redis.register_function('reg', function() return redis.register_function end)",
    ].join("\n"))),
    ["FCALL", "nosuch", "0"],
    ["FCALL", "boom", "x"],
    ["FCALL", "boom", "2", "k:a"],
    ["FCALL", "boom", "-1"],
    ["FCALL", "boom", "0"],
    ["FCALL", "tab", "0"],
    ["FCALL", "bad", "1", "k:s"],
    ["FCALL", "glob", "0"],
    ["FCALL", "reg", "0"],
    ["FCALL_RO", "boom", "0"],
  ]],
  ["deletes and flushes libraries", [
    load(ECHO),
    ["FUNCTION", "DELETE", "nosuch"],
    ["FUNCTION", "DELETE", "echo"],
    ["FCALL", "echo", "0"],
    ["FUNCTION", "DELETE", "echo"],
    load(ECHO),
    ["FUNCTION", "FLUSH", "BAD"],
    ["FUNCTION", "FLUSH", "SYNC", "x"],
    ["FUNCTION", "FLUSH", "ASYNC"],
    ["FCALL", "echo", "0"],
    ["FUNCTION", "LIST"],
    ["FUNCTION", "STATS"],
    ["FUNCTION", "FLUSH", "sync"],
  ]],
  ["answers KILL and argument errors", [
    ["FUNCTION", "KILL"],
    ["FUNCTION", "LIST", "LIBRARYNAME"],
    ["FUNCTION", "LIST", "BOGUS"],
    ["FUNCTION", "LIST", "WITHCODE", "WITHCODE"],
    ["FUNCTION", "RESTORE", "not a payload"],
    ["FUNCTION", "RESTORE", "x", "SOMETIMES"],
    ["FUNCTION", "RESTORE", "x", "FLUSH", "more"],
    ["FUNCTION", "NOSUCH"],
  ]],
  ["runs inside MULTI and names its keys to COMMAND GETKEYS", [
    load(ECHO),
    ["MULTI"],
    ["FCALL", "echo", "1", "k:m", "x"],
    ["FCALL", "nosuch", "0"],
    ["EXEC"],
    ["COMMAND", "GETKEYS", "FCALL", "echo", "2", "k:1", "k:2", "arg"],
    ["COMMAND", "GETKEYS", "FCALL_RO", "echo", "1", "k:1"],
  ]],
  ["serves the KEYS and ARGV arrays and RESP3 conversions", [
    load(lib("conv", [
      "redis.register_function('map', function(keys) redis.setresp(3) return redis.call('HGETALL', keys[1]) end)",
      "redis.register_function('ok', function() return {ok='FINE'} end)",
      "redis.register_function('float', function() return 3.99 end)",
    ].join("\n"))),
    ["HSET", "k:h", "f", "v"],
    ["FCALL", "map", "1", "k:h"],
    ["FCALL", "ok", "0"],
    ["FCALL", "float", "0"],
  ]],
];

for (const protocol of [2, 3] as const) {
  describe(`FUNCTION and FCALL replies match redis-server's (RESP${protocol})`, () => {
    it.each(CASES)("%s", async (_name, commands) => {
      const [mine, theirs] = await both(protocol, commands);
      expect(mine).toEqual(theirs);
    });
  });
}

describe("FUNCTION HELP", () => {
  it("answers Redis 7.2's text (7.0's redis-server says 'Prints this help.' on its last line)", async () => {
    const [mine, theirs] = await both(3, [["FUNCTION", "HELP"]]);
    expect(mine.at(-1)).toBe(theirs.at(-1)!.replace("Prints this help.", "Print this help."));
  });
});
