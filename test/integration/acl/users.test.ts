// ACL SETUSER / GETUSER / LIST / USERS / DELUSER / WHOAMI / GENPASS / CAT: rule syntax, the reply
// shapes and Redis's error texts. Runs against redis-server too (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();
const acl = (...args: string[]) => server.r.call("acl", ...args);
const SHA_P1 = "f64551fcd6f07823cb87971cfb91446425da18286b3ab1ef935e0cbd7a69f68a"; // sha256("p1")

it("describes the default user as Redis does", async () => {
  expect(await acl("list")).toEqual(["user default on nopass ~* &* +@all"]);
  expect(await acl("getuser", "default")).toEqual(["flags", ["on", "nopass"], "passwords", [], "commands", "+@all", "keys", "~*", "channels", "&*", "selectors", []]);
  expect(await acl("whoami")).toBe("default");
});

it("creates a user from rules and reports it in GETUSER's and LIST's shapes", async () => {
  await acl("setuser", "u", "on", ">p1", "~foo*", "%R~bar*", "%W~baz*", "&ch*", "-@all", "+@hash", "+get", "(+set", "~x*)");
  expect(await acl("getuser", "u")).toEqual([
    "flags", ["on"], "passwords", [SHA_P1], "commands", "-@all +@hash +get", "keys", "~foo* %R~bar* %W~baz*", "channels", "&ch*",
    "selectors", [["commands", "-@all +set", "keys", "~x*", "channels", ""]],
  ]);
  expect(await acl("list")).toContain(`user u on #${SHA_P1} ~foo* %R~bar* %W~baz* resetchannels &ch* -@all +@hash +get (~x* resetchannels -@all +set)`);
  expect(await acl("getuser", "nosuch")).toBeNull();
});

it("changes an existing user in place, rules applied in order", async () => {
  await acl("setuser", "v", "on", "nopass", "+@all", "-get", "resetkeys", "~k*");
  expect(await acl("list")).toContain("user v on nopass ~k* resetchannels +@all -get");
  await acl("setuser", "v", "off", "resetpass", "#" + SHA_P1, "allkeys", "allchannels", "nocommands", "+client|id");
  expect(await acl("list")).toContain(`user v off #${SHA_P1} ~* &* -@all +client|id`);
  await acl("setuser", "v", "!" + SHA_P1, "reset");
  expect(await acl("list")).toContain("user v off sanitize-payload resetchannels -@all");
});

it("refuses bad rules with Redis's texts and leaves the user unchanged", async () => {
  await acl("setuser", "w", "on", "nopass", "~a*");
  const fails = async (args: string[], text: string) => expect(acl("setuser", "w", ...args)).rejects.toThrow(text);
  await fails(["off", "+nosuch"], "ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL");
  await fails(["+@nosuch"], "ERR Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL");
  await fails(["+client|nosuch"], "ERR Error in ACL SETUSER modifier '+client|nosuch': Unknown command or category name in ACL");
  await fails(["foo"], "ERR Error in ACL SETUSER modifier 'foo': Syntax error");
  await fails(["%X~a"], "ERR Error in ACL SETUSER modifier '%X~a': Syntax error");
  await fails(["<nope"], "ERR Error in ACL SETUSER modifier '<nope': The password you are trying to remove from the user does not exist");
  await fails(["#abc"], "ERR Error in ACL SETUSER modifier '#abc': The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters");
  await fails(["allkeys", "~b"], "ERR Error in ACL SETUSER modifier '~b': Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns");
  await fails(["&*", "&b"], "ERR Error in ACL SETUSER modifier '&b': Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels");
  await fails(["(~a", "+get"], "ERR Unmatched parenthesis in acl selector starting at '(~a'.");
  await expect(acl("setuser", "a b")).rejects.toThrow("ERR Usernames can't contain spaces or null characters");
  expect(await acl("list")).toContain("user w on nopass ~a* resetchannels -@all");
});

it("deletes users, never default, and closes their connections", async () => {
  await acl("setuser", "gone", "on", ">pw", "+@all", "~*");
  const c = await RawConnection.open(server.port);
  expect(await c.send(["auth", "gone", "pw"])).toBe("+OK\r\n");
  expect(await c.send(["acl", "whoami"])).toBe("$4\r\ngone\r\n");
  await expect(acl("deluser", "default")).rejects.toThrow("ERR The 'default' user cannot be removed");
  expect(await acl("deluser", "gone", "nosuch")).toBe(1);
  expect(await c.closed()).toBe(true);
  expect(await acl("users")).not.toContain("gone");
  // A connection deleting its own user gets the reply, then is closed.
  await acl("setuser", "self", "on", ">pw", "+@all", "~*");
  const own = await RawConnection.open(server.port);
  expect(await own.send(["auth", "self", "pw"])).toBe("+OK\r\n");
  expect(await own.send(["acl", "deluser", "self"])).toBe(":1\r\n");
  expect(await own.closed()).toBe(true);
});

it("lists users sorted by name", async () => {
  await acl("setuser", "zed");
  await acl("setuser", "abe");
  const users = (await acl("users")) as string[];
  expect(users).toEqual([...users].sort());
  expect(users).toEqual(expect.arrayContaining(["abe", "default", "zed"]));
});

it("generates passwords of the asked size", async () => {
  expect(await acl("genpass")).toMatch(/^[0-9a-f]{64}$/);
  expect(await acl("genpass", "5")).toMatch(/^[0-9a-f]{2}$/);
  expect(await acl("genpass", "4096")).toMatch(/^[0-9a-f]{1024}$/);
  await expect(acl("genpass", "x")).rejects.toThrow("ERR value is not an integer or out of range");
  for (const bad of ["0", "4097"])
    await expect(acl("genpass", bad)).rejects.toThrow("ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096");
});

it("lists categories and the commands in one", async () => {
  const cats = (await acl("cat")) as string[];
  expect(cats.slice(0, 21)).toEqual(["keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection", "transaction", "scripting"]);
  const hash = (await acl("cat", "hash")) as string[];
  expect(hash).toEqual(expect.arrayContaining(["hget", "hset", "hgetall"]));
  expect(hash).not.toContain("get");
  expect(await acl("cat", "dangerous")).toEqual(expect.arrayContaining(["acl|setuser", "flushall", "module|load"]));
  await expect(acl("cat", "nosuch")).rejects.toThrow("ERR Unknown category 'nosuch'");
});
