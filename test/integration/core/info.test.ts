// INFO against a real server: Redis's section format, section selection, commandstats, keyspace, and
// Ferrite's plugins section. Also runs against redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { against } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();

function sections(info: string): string[] {
  return info.split("\r\n").filter((l) => l.startsWith("# ")).map((l) => l.slice(2));
}

function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*)$`, "m").exec(info.replaceAll("\r", ""))?.[1];
}

it("prints the default sections in Redis's format", async () => {
  const info = (await server.r.call("info")) as string;
  expect(info).toMatch(/^# Server\r\n/);
  expect(info).toMatch(/\r\n\r\n# Clients\r\n/);
  expect(sections(info)).toEqual(expect.arrayContaining(["Server", "Clients", "Memory", "Stats", "Keyspace"]));
  expect(sections(info)).not.toContain("Commandstats");
  expect(field(info, "redis_mode")).toBe("standalone");
  expect(field(info, "tcp_port")).toBe(String(server.port));
  expect(Number(field(info, "used_memory"))).toBeGreaterThan(0);
  expect(Number(field(info, "connected_clients"))).toBeGreaterThanOrEqual(1);
  expect(field(info, "maxmemory_policy")).toBe("noeviction");
  if (against === "ferrite") {
    expect(field(info, "redis_version")).toBe("7.2.4");
    expect(field(info, "ferrite_version")).toMatch(/^\d+\.\d+\.\d+/);
    expect(sections(info)).toContain("Plugins");
  }
});

it("selects sections by name, case-insensitively, and nothing for unknown ones", async () => {
  expect(sections((await server.r.call("info", "SERVER", "clients")) as string)).toEqual(["Server", "Clients"]);
  expect(await server.r.call("info", "nosuch")).toBe("");
  expect(sections((await server.r.call("info", "all")) as string)).toContain("Commandstats");
});

it("counts calls per command in commandstats", async () => {
  await server.r.ping();
  await server.r.ping();
  const stats = (await server.r.call("info", "commandstats")) as string;
  expect(stats).toMatch(/^# Commandstats\r\n/);
  expect(stats).toMatch(/cmdstat_ping:calls=\d+,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0\r\n/);
  await server.r.call("client", "id");
  expect(await server.r.call("info", "commandstats")).toContain("cmdstat_client|id:calls=1,");
});

it("describes non-empty databases in the keyspace section", async () => {
  await server.r.set("k1", "v");
  await server.r.set("k2", "v", "EX", 100);
  await server.r.select(3);
  await server.r.set("k3", "v");
  await server.r.select(0);
  const keyspace = (await server.r.call("info", "keyspace")) as string;
  expect(keyspace).toBe("# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=" + field(keyspace, "db0")!.split("avg_ttl=")[1] +
    "\r\ndb3:keys=1,expires=0,avg_ttl=0\r\n");
});

it.skipIf(against === "redis")("reports each plugin's health", async () => {
  const plugins = (await server.r.call("info", "plugins")) as string;
  expect(plugins).toMatch(
    /plugin_strings:version=[^,]+,abi=\d+\.\d+,commands=\d+,types=\[string\],memory=\d+,calls=\d+,usec=\d+,usec_per_call=\d+\.\d\d,traps=0,budget_overruns=0,ooms=0,status=ok,heap_faults=0,respawns=0,dropped_values=0\r\n/,
  );
});

it("answers with a verbatim string in RESP3", async () => {
  const c = await RawConnection.open(server.port);
  await c.send(["hello", "3"]);
  expect(await c.send(["info", "cluster"])).toBe("=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n");
  c.close();
});

it("counts every error reply, whoever sends it", async () => {
  await server.r.config("RESETSTAT");
  await expect(server.r.call("nosuchcommand")).rejects.toThrow();
  await expect(server.r.call("select", "99")).rejects.toThrow();
  await expect(server.r.call("get")).rejects.toThrow();
  await expect(server.r.call("incr", "notanumber-key-holder")).resolves.toBe(1);
  await server.r.set("text", "abc");
  await expect(server.r.call("incr", "text")).rejects.toThrow();
  expect(field((await server.r.call("info", "stats")) as string, "total_error_replies")).toBe("4");
});
