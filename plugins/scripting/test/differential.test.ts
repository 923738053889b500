// The same scripts on Ferrite and on Debian's redis-server, replies compared byte for byte in RESP2 and
// RESP3: the conversion rules both ways, errors, and each library Redis loads.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const ferrite = useServer([], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });

/** Each case: a script and its keys/args, run with EVAL after the setup commands. */
type Case = [name: string, script: string, ...keysAndArgs: string[]];

async function both(protocol: 2 | 3, commands: string[][]): Promise<[string[], string[]]> {
  return [await rawReplies(ferrite.port, protocol, ...commands), await rawReplies(redis.port, protocol, ...commands)];
}

function evalOf([, script, ...rest]: Case): string[] {
  const keys = rest.filter((a) => a.startsWith("k:"));
  return ["EVAL", script, String(keys.length), ...rest];
}

const SETUP = [["SET", "k:s", "hello"], ["RPUSH", "k:l", "a", "b", "c"], ["HSET", "k:h", "f", "v", "g", "w"], ["SADD", "k:set", "m"], ["ZADD", "k:z", "1.5", "x"]];

const CONVERSIONS: Case[] = [
  ["integer", "return 42"],
  ["float truncated", "return 3.99"],
  ["negative float truncated", "return -3.99"],
  ["large number", "return 2^53"],
  ["string", "return 'text'"],
  ["true", "return true"],
  ["false", "return false"],
  ["nil", "return nil"],
  ["array stops at nil", "return {1, 2, nil, 4}"],
  ["nested arrays", "return {1, {2, {3, 'x'}}, 'y'}"],
  ["status table", "return {ok='FINE'}"],
  ["error table", "return {err='MYERR something'}"],
  ["status_reply", "return redis.status_reply('DONE')"],
  ["error_reply", "return redis.error_reply('CODE text')"],
  ["error_reply with dash", "return redis.error_reply('-CODE text')"],
  ["error_reply without code", "return redis.error_reply('x')"],
  ["double table in RESP2", "return {double=3.5}"],
  ["table with string keys only", "return {a=1}"],
  ["GET reply", "return redis.call('GET', KEYS[1])", "k:s"],
  ["missing key is false", "return redis.call('GET', KEYS[1]) == false", "k:nope"],
  ["LRANGE reply", "return redis.call('LRANGE', KEYS[1], 0, -1)", "k:l"],
  ["HGETALL reply", "return redis.call('HGETALL', KEYS[1])", "k:h"],
  ["status reply becomes table", "local r = redis.call('SET', KEYS[1], 'v') return r.ok", "k:t"],
  ["integer reply", "return redis.call('INCR', KEYS[1])", "k:n"],
  ["ZSCORE reply", "return redis.call('ZSCORE', KEYS[1], 'x')", "k:z"],
  ["pcall error table", "local e = redis.pcall('INCR', KEYS[1]) return e.err", "k:s"],
  ["pcall error returned", "return redis.pcall('INCR', KEYS[1])", "k:s"],
  ["resp3 map", "redis.setresp(3) return redis.call('HGETALL', KEYS[1])", "k:h"],
  ["resp3 set", "redis.setresp(3) return redis.call('SMEMBERS', KEYS[1])", "k:set"],
  ["resp3 double", "redis.setresp(3) return redis.call('ZSCORE', KEYS[1], 'x')", "k:z"],
  ["resp3 null", "redis.setresp(3) return redis.call('GET', KEYS[1]) == nil", "k:nope"],
  ["resp3 false", "redis.setresp(3) return false"],
  ["resp3 true", "redis.setresp(3) return true"],
  ["map table", "return {map={a=1}}"],
  ["set table", "return {set={a=true}}"],
  ["big number table", "return {big_number='123456789012345678901234567890'}"],
  ["number argument as %.17g", "return redis.call('SET', KEYS[1], 0.1)", "k:f"],
  ["KEYS and ARGV", "return {KEYS[1], ARGV[1], ARGV[2], #KEYS, #ARGV}", "k:a", "one", "two"],
];

const ERRORS: Case[] = [
  ["runtime error", "error('boom')"],
  ["error with table", "error({err='X y'})"],
  ["redis.call error", "return redis.call('INCR', KEYS[1])", "k:s"],
  ["unknown command", "return redis.call('NOSUCH')"],
  ["XREAD BLOCK refused", "return redis.pcall('xread', 'BLOCK', 0, 'STREAMS', KEYS[1], '$')", "k:st"],
  ["XREADGROUP BLOCK refused, named as typed", "return redis.pcall('XReadGroup', 'GROUP', 'g', 'c', 'COUNT', 1, 'BLOCK', 0, 'STREAMS', KEYS[1], '>')", "k:st"],
  ["XREAD BLOCK raised by redis.call", "return redis.call('xread', 'BLOCK', 0, 'STREAMS', KEYS[1], '$')", "k:st"],
  ["XREAD bad COUNT answers before BLOCK", "return redis.pcall('xread', 'COUNT', 'x', 'BLOCK', 0, 'STREAMS', KEYS[1], '$')", "k:st"],
  ["XREAD GROUP answers before BLOCK", "return redis.pcall('xread', 'GROUP', 'g', 'c', 'BLOCK', 0, 'STREAMS', KEYS[1], '$')", "k:st"],
  ["XREAD of a stream named BLOCK", "return redis.pcall('xread', 'STREAMS', 'BLOCK', '0')"],
  ["wrong arity", "return redis.call('GET')"],
  ["no arguments", "return redis.call()"],
  ["bad argument type", "return redis.call('GET', {})"],
  ["pcall without arguments", "return redis.pcall()"],
  ["pcall with a bad argument type", "return redis.pcall('GET', {})"],
  ["status_reply of a number", "return redis.status_reply(1)"],
  ["global write", "x = 1"],
  ["global read", "return undefined_thing"],
  ["os is absent", "return os.time()"],
  ["loadfile is absent", "return loadfile('/etc/passwd')"],
  ["syntax error", "return +"],
  ["call inside pcall", "return pcall(function() redis.call('NOSUCH') end)"],
  ["error inside pcall", "local ok, e = pcall(function() error('in') end) return e"],
  ["noscript command", "return redis.call('EVAL', 'return 1', 0)"],
  ["redis table is read-only", "redis.call = nil"],
  ["setresp bad", "redis.setresp(4)"],
  ["log bad level", "redis.log(9, 'x')"],
  ["log args", "redis.log(redis.LOG_WARNING)"],
  ["sha1hex args", "return redis.sha1hex()"],
  ["set_repl bad", "redis.set_repl(99)"],
  ["shebang bad engine", "#!python\nreturn 1"],
  ["shebang bad flag", "#!lua flags=nope\nreturn 1"],
  ["shebang bad option", "#!lua name=x\nreturn 1"],
  ["shebang without newline", "#!lua"],
];

const LIBRARIES: Case[] = [
  ["string", "return string.format('%5.2f|%s|%d', 3.14159, 'x', 42) .. string.rep('ab', 3) .. string.upper('q')"],
  ["string find/gsub", "return {string.find('hello world', 'o w'), (string.gsub('aaa', 'a', 'b'))}"],
  ["table", "local t = {3,1,2} table.sort(t) return table.concat(t, ',') .. table.getn(t)"],
  ["math", "return {math.floor(3.7), math.max(1, 9, 4), math.abs(-2), tostring(math.pi)}"],
  ["math.random sequence", "math.randomseed(7) return {math.random(100), math.random(100), math.random(1, 6)}"],
  ["cjson encode", "return cjson.encode({1, 2, {a='b'}})"],
  ["cjson decode", "local t = cjson.decode('{\"a\":[1,2,3],\"b\":\"x\"}') return {t.a[3], t.b}"],
  ["cjson null", "return cjson.encode({cjson.null})"],
  ["cmsgpack", "return cmsgpack.pack({1, 2, 'three'})"],
  ["cmsgpack roundtrip", "return cmsgpack.unpack(cmsgpack.pack({1, 'two', {3}}))[2]"],
  ["struct", "return struct.pack('>I2', 258) .. struct.unpack('>I2', struct.pack('>I2', 513))"],
  ["bit", "return {bit.band(12, 10), bit.bor(12, 10), bit.bxor(12, 10), bit.lshift(1, 4), bit.tohex(255)}"],
  ["sha1hex", "return redis.sha1hex('')"],
  ["tostring of numbers", "return {tostring(1/3), tostring(1e100), tostring(-0)}"],
  ["unpack and select", "return {select('#', unpack({1, 2, 3}))}"],
  ["loadstring", "return loadstring('return 1 + 1')()"],
  ["coroutine", "local co = coroutine.create(function(a) coroutine.yield(a + 1) return 'done' end) local _, v = coroutine.resume(co, 1) return v"],
  ["REPL values", "return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_REPLICA, redis.REPL_ALL, redis.LOG_WARNING}"],
  ["replicate_commands", "return redis.replicate_commands()"],
  ["type of the libraries", "return {type(cjson), type(cmsgpack), type(bit), type(struct), type(string), type(os), type(io), type(debug)}"],
];

for (const protocol of [2, 3] as const) {
  for (const [group, cases] of [["conversion", CONVERSIONS], ["error", ERRORS], ["library", LIBRARIES]] as const) {
    describe(`${group} replies match redis-server's (RESP${protocol})`, () => {
      it.each(cases.map((c) => [c[0], c] as const))("%s", async (_name, c) => {
        const [mine, theirs] = await both(protocol, [...SETUP, evalOf(c)]);
        expect(mine.at(-1)).toBe(theirs.at(-1));
      });
    });
  }
}

describe("EVALSHA and SCRIPT match redis-server's", () => {
  it("loads, finds, runs and flushes scripts", async () => {
    const commands = [
      ["SCRIPT", "LOAD", "return 'loaded'"],
      ["SCRIPT", "EXISTS", "a3a2d3f6b6b4b1a5d3c0b2a1e7e1f4d1c0b9a8f7", "08a5a9a2e8f2fb1e1f8dbd1e6f7e1e4f0b4d2c11"],
      ["EVALSHA", "08a5a9a2e8f2fb1e1f8dbd1e6f7e1e4f0b4d2c11", "0"],
      ["EVALSHA", "short", "0"],
      ["EVAL", "return 1", "-1"],
      ["EVAL", "return 1", "2", "k:a"],
      ["EVAL", "return 1", "x"],
      ["SCRIPT", "FLUSH", "BAD"],
      ["SCRIPT", "KILL"],
      ["SCRIPT", "FLUSH"],
      ["SCRIPT", "FLUSH", "ASYNC"],
      ["SCRIPT", "LOAD", "return +"],
      ["EVAL_RO", "return redis.call('SET', KEYS[1], 'v')", "1", "k:ro"],
      ["EVAL_RO", "return redis.call('GET', KEYS[1])", "1", "k:s"],
      ["EVAL_RO", "#!lua\nreturn 1", "0"],
      ["EVAL", "#!lua flags=no-writes\nreturn redis.call('SET', KEYS[1], 'v')", "1", "k:nw"],
      ["EVAL", "#!lua flags=no-writes,allow-oom\nreturn 1", "0"],
    ];
    for (const protocol of [2, 3] as const) {
      const [mine, theirs] = await both(protocol, [...SETUP, ...commands]);
      expect(mine).toEqual(theirs);
    }
  });

  it("answers EVALSHA of a loaded script, with the sha in any case", async () => {
    const [mine, theirs] = await both(2, [
      ["SCRIPT", "LOAD", "return KEYS[1] .. ARGV[1]"],
      ["EVALSHA", "9a2f4e5ee5f4fd7a6bdcf3a4a0f47fdc1ed4b0a0", "0"],
    ]);
    const sha = mine[0].split("\r\n")[1];
    expect(mine[0]).toBe(theirs[0]);
    const [a, b] = await both(2, [["EVALSHA", sha.toUpperCase(), "1", "k", "v"], ["SCRIPT", "EXISTS", sha.toUpperCase(), sha]]);
    expect(a).toEqual(b);
    expect(a[0]).toBe("$2\r\nkv\r\n");
  });

  it("gives every run fresh KEYS and ARGV, whatever the last script did to them", async () => {
    const spoil = "KEYS[3] = 'x' table.insert(ARGV, 'y') KEYS.field = 1 setmetatable(ARGV, {__index = function() return 'z' end}) return #KEYS + #ARGV";
    const look = "return {#KEYS, #ARGV, KEYS[2] or 'nil', ARGV[3] or 'nil', tostring(KEYS.field), tostring(getmetatable(ARGV))}";
    const commands = [
      ["EVAL", spoil, "2", "k:a", "k:b", "one", "two"],
      ["EVAL", look, "1", "k:a", "one"],
      ["EVAL", look, "0"],
    ];
    for (const protocol of [2, 3] as const) {
      const [mine, theirs] = await both(protocol, commands);
      expect(mine).toEqual(theirs);
    }
  });

  it("finds each of many cached scripts by its sha (more than the lookup cache's slots), and none after SCRIPT FLUSH", async () => {
    const bodies = Array.from({ length: 200 }, (_, i) => `return ${i}`);
    const [loaded, reference] = await both(2, bodies.map((b) => ["SCRIPT", "LOAD", b]));
    expect(loaded).toEqual(reference);
    const shas = loaded.map((r) => r.split("\r\n")[1]);
    const twice = [...shas, ...[...shas].reverse()].map((sha) => ["EVALSHA", sha, "0"]);
    const [mine, theirs] = await both(2, [...twice, ["SCRIPT", "FLUSH"], ["EVALSHA", shas[0], "0"]]);
    expect(mine).toEqual(theirs);
    expect(mine.slice(0, 2)).toEqual([":0\r\n", ":1\r\n"]);
  });
});
