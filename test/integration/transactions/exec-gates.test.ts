// The server's other gates meet EXEC as in Redis: ACL rules changed after a command was queued refuse it
// at EXEC (and the ACL log says `multi`), and EXEC of a transaction holding a denyoom command is refused
// whole under maxmemory. Byte-exact; runs against redis-server too (TEST_AGAINST=redis).
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { useRawConnections } from "../../helpers/raw-resp.js";

const server = useServer([], { flush: true });
const raw = useRawConnections(() => server.port);

afterEach(async () => {
  await server.r.call("ACL", "DELUSER", "txuser");
  await server.r.call("ACL", "LOG", "RESET");
  await server.r.config("SET", "maxmemory", "0");
});

it("a command whose permission was removed after it was queued is refused at EXEC; the others run", async () => {
  await server.r.call("ACL", "SETUSER", "txuser", "on", ">pw", "~*", "+@all");
  const c = await raw();
  expect(await c.pipeline(["AUTH", "txuser", "pw"], ["MULTI"], ["SET", "gate:a", "1"], ["GET", "gate:a"])).toEqual(["+OK\r\n", "+OK\r\n", "+QUEUED\r\n", "+QUEUED\r\n"]);
  await server.r.call("ACL", "SETUSER", "txuser", "-get");
  const [exec] = await c.pipeline(["EXEC"]);
  expect(exec).toBe(
    "*2\r\n+OK\r\n-NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. " +
      "This command is no longer allowed for the following reason: no permission to execute the command or subcommand\r\n",
  );
  const log = (await server.r.call("ACL", "LOG", "1")) as unknown[][];
  expect(log[0].slice(2, 8)).toEqual(["reason", "command", "context", "multi", "object", "get"]);
});

it("a refusal while queuing is logged with the multi context and aborts the transaction", async () => {
  await server.r.call("ACL", "SETUSER", "txuser", "on", ">pw", "~*", "+@all", "-get");
  const c = await raw();
  const replies = await c.pipeline(["AUTH", "txuser", "pw"], ["MULTI"], ["GET", "gate:a"], ["EXEC"]);
  expect(replies[2]).toMatch(/^-NOPERM .*'get' command\r\n$/);
  expect(replies[3]).toBe("-EXECABORT Transaction discarded because of previous errors.\r\n");
  const log = (await server.r.call("ACL", "LOG", "1")) as unknown[][];
  expect(log[0].slice(2, 6)).toEqual(["reason", "command", "context", "multi"]);
});

it("EXEC of a transaction holding a denyoom command is refused under maxmemory; a read-only one runs", async () => {
  await server.r.set("gate:k", "v");
  const writer = await raw();
  const reader = await raw();
  expect(await writer.pipeline(["MULTI"], ["SET", "gate:b", "x"])).toEqual(["+OK\r\n", "+QUEUED\r\n"]);
  expect(await reader.pipeline(["MULTI"], ["GET", "gate:k"])).toEqual(["+OK\r\n", "+QUEUED\r\n"]);
  await server.r.config("SET", "maxmemory-policy", "noeviction");
  await server.r.config("SET", "maxmemory", "1");
  expect(await writer.pipeline(["EXEC"])).toEqual(["-EXECABORT Transaction discarded because of: OOM command not allowed when used memory > 'maxmemory'.\r\n"]);
  expect(await reader.pipeline(["EXEC"])).toEqual(["*1\r\n$1\r\nv\r\n"]);
  await server.r.config("SET", "maxmemory", "0");
  expect(await server.r.exists("gate:b")).toBe(0);
});
