// CLIENT against a real server: the CLIENT LIST line format, names and library attributes, and KILL in
// both its forms. Runs against redis-server too (TEST_AGAINST=redis), except for 7.2-only behaviour.
import { expect, it } from "vitest";
import { Redis } from "ioredis";
import { execFileSync } from "node:child_process";
import { against } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();

const FIELDS_72 = ["id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "sub", "psub", "ssub", "multi",
  "qbuf", "qbuf-free", "argv-mem", "multi-mem", "rbs", "rbp", "obl", "oll", "omem", "tot-mem", "events", "cmd", "user",
  "redir", "resp", "lib-name", "lib-ver"];

function parseLine(line: string): Map<string, string> {
  return new Map(line.split(" ").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
}

it("describes the caller with Redis 7.2's fields in order", async () => {
  const info = (await server.r.call("client", "info")) as string;
  expect(info.endsWith("\n")).toBe(true);
  const fields = parseLine(info.trim());
  // redis-server 7.0 stops at resp; library names came with 7.2.
  const expected = against === "redis" ? FIELDS_72.slice(0, -2) : FIELDS_72;
  expect([...fields.keys()]).toEqual(expected);
  expect(fields.get("id")).toBe(String(await server.r.call("client", "id")));
  expect(fields.get("cmd")).toBe("client|info");
  expect(fields.get("resp")).toBe("2");
  expect(fields.get("flags")).toBe("N");
});

it("counts the running command in qbuf and argv-mem, and the reply buffer in rbs and rbp, as Redis", async () => {
  const c = await RawConnection.open(server.port);
  try {
    const line = parseLine((await c.send(["client", "info"])).split("\r\n")[1].slice(4).trim());
    // `*2 $6 client $4 info`: the batch stays in the query buffer while its commands run.
    expect(line.get("qbuf")).toBe("26");
    expect(line.get("argv-mem")).toBe("10");
    expect(line.get("rbs")).toBe("16384");
    expect(line.get("rbp")).toBe("16384");
    const sizes = ["qbuf", "qbuf-free", "argv-mem", "multi-mem", "rbs", "omem"].map((f) => Number(line.get(f)));
    expect(Number(line.get("tot-mem"))).toBeGreaterThanOrEqual(sizes.reduce((a, b) => a + b));
  } finally {
    c.close();
  }
});

it("gives an idle client's query buffer back after 2 s, as Redis does", async () => {
  const c = new Redis({ port: server.port, connectionName: "idle-one" });
  try {
    await c.ping();
    const qbuf = async () => {
      const line = ((await server.r.call("client", "list")) as string).split("\n").find((l) => l.includes("name=idle-one"))!;
      const f = parseLine(line.trim());
      return Number(f.get("qbuf")) + Number(f.get("qbuf-free"));
    };
    expect(await qbuf()).toBeGreaterThanOrEqual(16384);
    const deadline = Date.now() + 10_000;
    while ((await qbuf()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await qbuf()).toBe(0);
    expect(await c.ping()).toBe("PONG");
  } finally {
    c.disconnect();
  }
});

it("lists every connection, filtered by TYPE or ID", async () => {
  const other = new Redis({ port: server.port });
  await other.ping();
  const otherId = Number(await other.call("client", "id"));
  const all = ((await server.r.call("client", "list")) as string).trim().split("\n");
  expect(all.map((l) => parseLine(l).get("id"))).toContain(String(otherId));
  expect(((await server.r.call("client", "list", "type", "normal")) as string).trim().split("\n")).toHaveLength(all.length);
  expect(await server.r.call("client", "list", "type", "pubsub")).toBe("");
  const byId = (await server.r.call("client", "list", "id", String(otherId), "999999")) as string;
  expect(byId.trim().split("\n").map((l) => parseLine(l).get("id"))).toEqual([String(otherId)]);
  await expect(server.r.call("client", "list", "type", "foo")).rejects.toThrow("ERR Unknown client type 'foo'");
  await expect(server.r.call("client", "list", "id", "x")).rejects.toThrow("ERR Invalid client ID");
  await expect(server.r.call("client", "list", "foo")).rejects.toThrow("ERR syntax error");
  other.disconnect();
});

it("names connections and refuses names with spaces", async () => {
  const c = new Redis({ port: server.port });
  expect(await c.call("client", "getname")).toBeNull();
  expect(await c.call("client", "setname", "worker-1")).toBe("OK");
  expect(await c.call("client", "getname")).toBe("worker-1");
  expect(parseLine(((await c.call("client", "info")) as string).trim()).get("name")).toBe("worker-1");
  await expect(c.call("client", "setname", "a b")).rejects.toThrow(
    "ERR Client names cannot contain spaces, newlines or special characters.",
  );
  c.disconnect();
});

it.skipIf(against === "redis")("stores SETINFO library attributes (7.2)", async () => {
  const c = new Redis({ port: server.port });
  expect(await c.call("client", "setinfo", "LIB-NAME", "mylib")).toBe("OK");
  expect(await c.call("client", "setinfo", "lib-ver", "1.2.3")).toBe("OK");
  const fields = parseLine(((await c.call("client", "info")) as string).trim());
  expect(fields.get("lib-name")).toBe("mylib");
  expect(fields.get("lib-ver")).toBe("1.2.3");
  await expect(c.call("client", "setinfo", "lib-name", "a b")).rejects.toThrow(
    "ERR lib-name cannot contain spaces, newlines or special characters.",
  );
  await expect(c.call("client", "setinfo", "foo", "x")).rejects.toThrow("ERR Unrecognized option 'foo'");
  c.disconnect();
});

it("kills by address with the old form", async () => {
  const victim = await RawConnection.open(server.port);
  const ids = ((await server.r.call("client", "list")) as string).trim().split("\n").map(parseLine);
  const mine = String(await server.r.call("client", "id"));
  const addr = ids.filter((f) => f.get("id") !== mine).at(-1)!.get("addr")!;
  expect(await server.r.call("client", "kill", addr)).toBe("OK");
  expect(await victim.closed()).toBe(true);
  await expect(server.r.call("client", "kill", "1.2.3.4:5")).rejects.toThrow("ERR No such client");
});

it("kills by filters, skipping the caller unless SKIPME no, replying before closing it", async () => {
  const victim = new Redis({ port: server.port, retryStrategy: () => null });
  const victimId = String(await victim.call("client", "id"));
  expect(await server.r.call("client", "kill", "id", victimId)).toBe(1);
  expect(await server.r.call("client", "kill", "id", victimId)).toBe(0);
  await expect(server.r.call("client", "kill", "id", "0")).rejects.toThrow("ERR client-id should be greater than 0");
  await expect(server.r.call("client", "kill", "type", "foo", "id", "1")).rejects.toThrow("ERR Unknown client type 'foo'");
  await expect(server.r.call("client", "kill", "skipme", "maybe")).rejects.toThrow("ERR syntax error");
  await expect(server.r.call("client", "kill", "foo", "bar")).rejects.toThrow("ERR syntax error");

  const self = await RawConnection.open(server.port);
  const selfId = (await self.send(["client", "id"])).slice(1).trim();
  expect(await self.send(["client", "kill", "id", selfId])).toBe(":0\r\n");
  expect(await self.send(["client", "kill", "id", selfId, "skipme", "no"])).toBe(":1\r\n");
  expect(await self.closed()).toBe(true);
});

it("answers CLIENT INFO as a verbatim string in RESP3", async () => {
  const c = await RawConnection.open(server.port);
  await c.send(["hello", "3"]);
  const reply = await c.send(["client", "info"]);
  expect(reply).toMatch(/^=\d+\r\ntxt:id=\d+ .* resp=3( |\n)/);
  c.close();
});

it("prints help as status lines", async () => {
  const help = execFileSync("redis-cli", ["-p", String(server.port), "client", "help"]).toString().split("\n");
  expect(help[0]).toBe("CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toContain("SETNAME <name>");
  expect(help.at(-2)).toBe("    Prints this help.");
});
