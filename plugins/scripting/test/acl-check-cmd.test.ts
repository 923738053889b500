// redis.acl_check_cmd (host API 1.9 call_command's CHECK_ONLY): whether the calling user's ACL allows a
// command line, its keys and channels, without running it or logging a refusal, byte for byte against
// Debian's redis-server on allowed, denied and unknown commands.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const servers = { ferrite: useServer([], { kind: "ferrite", flush: true }), redis: useServer([], { kind: "redis", flush: true }) };

const check = (...args: string[]) => ["EVAL", `return redis.acl_check_cmd(${args.map((a) => `'${a}'`).join(", ")})`, "0"];
const pcheck = (...args: string[]) => ["EVAL", `local ok, e = pcall(redis.acl_check_cmd, ${args.map((a) => `'${a}'`).join(", ")}) return {tostring(ok), tostring(e)}`, "0"];

it("answers as redis-server for allowed, denied and unknown commands, keys and channels, running nothing", async () => {
  const commands = [
    ["ACL", "SETUSER", "checker", "on", "nopass", "~allowed*", "&chan*", "+eval", "+get", "+set", "+publish", "+acl|log", "+config|get"],
    ["AUTH", "checker", "any"],
    ["ACL", "LOG", "RESET"],
    check("get", "allowed1"),
    check("GET", "other"),
    check("set", "allowed1", "v"),
    check("del", "allowed1"),
    check("publish", "chan1", "x"),
    check("publish", "news", "x"),
    check("config", "get", "maxmemory"),
    check("config", "set", "maxmemory", "1"),
    check("get"), // wrong arity: Redis asks the ACL only
    check("nosuchcommand", "x"),
    check("config", "nosuchsub"),
    pcheck("nosuchcommand"),
    ["EVAL", "return redis.acl_check_cmd()", "0"],
    ["EVAL", "return redis.acl_check_cmd('get', {})", "0"],
    ["EVAL", "return redis.call('get', 'allowed1')", "0"], // nothing was set
    ["ACL", "LOG"], // no refusal was logged
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  // Lua's false is a nil reply.
  expect(mine.slice(3, 10)).toEqual([":1\r\n", "$-1\r\n", ":1\r\n", "$-1\r\n", ":1\r\n", "$-1\r\n", ":1\r\n"]);
  expect(mine[12]).toMatch(/Invalid command passed to redis\.acl_check_cmd\(\)/);
  expect(mine[18]).toBe("*0\r\n");
});

it("allows everything to an unrestricted user, as redis-server", async () => {
  const commands = [
    check("del", "anything"),
    check("flushall"),
    ["EVAL", "return redis.acl_check_cmd('set', 'k', 'v') and redis.call('exists', 'k')", "0"],
  ];
  const [mine, theirs] = [await rawReplies(servers.ferrite.port, 2, ...commands), await rawReplies(servers.redis.port, 2, ...commands)];
  expect(mine).toEqual(theirs);
  expect(mine).toEqual([":1\r\n", ":1\r\n", ":0\r\n"]);
});
