// INFO after a known workload: the exact commandstats, errorstats and stats counters it must produce,
// Redis 7.2's field names in every section, and section selection (`default`, `all`, `everything`,
// several at once). Also runs against redis-server (TEST_AGAINST=redis).
import { beforeAll, expect, it } from "vitest";
import { against } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { infoField as field, infoSections as sections, commandStat } from "./info-fields.js";

const server = useServer();
let info: string;

beforeAll(async () => {
  const r = server.client();
  await r.config("RESETSTAT");
  await r.set("counter", "1");
  await r.get("counter");
  await r.get("missing");
  await r.incr("counter");
  await r.set("text", "abc");
  await expect(r.incr("text")).rejects.toThrow("ERR value is not an integer");
  await expect(r.lpush("text", "x")).rejects.toThrow("WRONGTYPE");
  await expect(r.call("nosuchcommand")).rejects.toThrow("ERR unknown command");
  await expect(r.call("get")).rejects.toThrow("ERR wrong number of arguments");
  await r.call("client", "id");
  info = (await r.call("info", "everything")) as string;
});

it("counts calls, rejected and failed calls per command", () => {
  expect(commandStat(info, "set")).toMatchObject({ calls: 2, rejected_calls: 0, failed_calls: 0 });
  expect(commandStat(info, "get")).toMatchObject({ calls: 2, rejected_calls: 1, failed_calls: 0 });
  expect(commandStat(info, "incr")).toMatchObject({ calls: 2, rejected_calls: 0, failed_calls: 1 });
  expect(commandStat(info, "lpush")).toMatchObject({ calls: 1, rejected_calls: 0, failed_calls: 1 });
  expect(commandStat(info, "client|id")).toMatchObject({ calls: 1, rejected_calls: 0, failed_calls: 0 });
  // RESETSTAT is counted after it ran, as Redis counts every command.
  expect(commandStat(info, "config|resetstat")).toMatchObject({ calls: 1 });
  expect(info).toMatch(/^cmdstat_set:calls=2,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0$/m);
});

it("counts error replies by their first word", () => {
  expect(info).toContain("# Errorstats\r\nerrorstat_");
  expect(field(info, "errorstat_ERR")).toBe("count=3");
  expect(field(info, "errorstat_WRONGTYPE")).toBe("count=1");
  expect(field(info, "total_error_replies")).toBe("4");
  expect(field(info, "unexpected_error_replies")).toBe("0");
});

it("counts commands, and keyspace hits and misses of read commands only", () => {
  // RESETSTAT, SET, GET, GET, INCR, SET, INCR, LPUSH, CLIENT ID: rejected commands are not processed.
  expect(field(info, "total_commands_processed")).toBe("9");
  expect(field(info, "keyspace_hits")).toBe("1");
  expect(field(info, "keyspace_misses")).toBe("1");
});

it("has Redis's field names in every section", () => {
  const expected: Record<string, string[]> = {
    Server: ["redis_version", "redis_mode", "os", "arch_bits", "process_id", "run_id", "tcp_port", "server_time_usec", "uptime_in_seconds", "uptime_in_days", "hz", "configured_hz", "executable", "config_file"],
    Clients: ["connected_clients", "cluster_connections", "maxclients", "client_recent_max_input_buffer", "client_recent_max_output_buffer", "blocked_clients", "tracking_clients", "clients_in_timeout_table"],
    Memory: ["used_memory", "used_memory_human", "used_memory_rss", "maxmemory", "maxmemory_policy"],
    Persistence: ["loading", "async_loading", "rdb_changes_since_last_save", "rdb_bgsave_in_progress", "rdb_last_save_time", "rdb_last_bgsave_status", "aof_enabled", "aof_rewrite_in_progress", "aof_last_write_status"],
    Stats: ["total_connections_received", "total_commands_processed", "instantaneous_ops_per_sec", "total_net_input_bytes", "total_net_output_bytes", "instantaneous_input_kbps", "instantaneous_output_kbps", "rejected_connections", "expired_keys", "evicted_keys", "evicted_clients", "keyspace_hits", "keyspace_misses", "pubsub_channels", "pubsub_patterns", "total_forks", "unexpected_error_replies", "total_error_replies", "total_reads_processed", "total_writes_processed"],
    Replication: ["role", "connected_slaves", "master_failover_state", "master_replid", "master_replid2", "master_repl_offset", "second_repl_offset", "repl_backlog_active"],
    CPU: ["used_cpu_sys", "used_cpu_user", "used_cpu_sys_children", "used_cpu_user_children"],
    Cluster: ["cluster_enabled"],
  };
  const bySection = new Map(info.split("\r\n\r\n").map((block) => [block.split("\r\n")[0].slice(2), block] as const));
  for (const [section, fields] of Object.entries(expected))
    for (const name of fields) expect(field(bySection.get(section)!, name), `${section}: ${name}`).toBeDefined();
  expect(field(info, "role")).toBe("master");
  expect(field(info, "connected_slaves")).toBe("0");
  expect(field(info, "loading")).toBe("0");
  expect(field(info, "aof_enabled")).toBe("0");
  expect(Number(field(info, "total_reads_processed"))).toBeGreaterThanOrEqual(11);
  expect(Number(field(info, "total_writes_processed"))).toBeGreaterThanOrEqual(11);
  expect(Number(field(info, "used_cpu_user"))).toBeGreaterThan(0);
});

it("selects default, all, everything and several sections at once, as 7.x does", async () => {
  const common = ["Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Modules", "Errorstats", "Cluster", "Keyspace"];
  const defaults = sections((await server.r.call("info")) as string);
  expect(defaults).toEqual(against === "redis" ? common : [...common, "Tiers", "Plugins"]);
  expect(sections((await server.r.call("info", "default")) as string)).toEqual(defaults);
  const all = sections((await server.r.call("info", "all")) as string);
  expect(all).toContain("Commandstats");
  expect(all.indexOf("Commandstats")).toBe(all.indexOf("Errorstats") - 1);
  expect(sections(info)).toEqual(expect.arrayContaining(all));
  expect(sections((await server.r.call("info", "keyspace", "STATS", "errorstats")) as string)).toEqual(["Stats", "Errorstats", "Keyspace"]);
  expect(sections((await server.r.call("info", "default", "commandstats")) as string)).toEqual(expect.arrayContaining([...common, "Commandstats"]));
});

it("samples instantaneous_ops_per_sec while commands run", async () => {
  const r = server.client();
  const until = Date.now() + 600;
  while (Date.now() < until) await Promise.all(Array.from({ length: 50 }, () => r.ping()));
  const stats = (await r.call("info", "stats")) as string;
  expect(Number(field(stats, "instantaneous_ops_per_sec"))).toBeGreaterThan(0);
  expect(Number(field(stats, "instantaneous_input_kbps"))).toBeGreaterThan(0);
});

it("clears commandstats and errorstats on CONFIG RESETSTAT", async () => {
  await server.r.config("RESETSTAT");
  const after = (await server.r.call("info", "commandstats", "errorstats")) as string;
  expect(after).not.toContain("cmdstat_get:");
  expect(after).not.toContain("errorstat_");
  expect(after).toContain("cmdstat_config|resetstat:calls=1,");
});
