// INFO's sections, each a list of `field:value` lines: Redis's fields where we have an honest value
// (or Redis's own value for a feature that does not exist yet, e.g. no replicas), plus Ferrite's
// `plugins` section. Section order is Redis's; `default` marks what a bare INFO prints.
import { pendingBytes } from "../server/socket-io.js";
import { replyCounters } from "../protocol/reply-writer.js";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { arch, machine, release, totalmem, type } from "node:os";
import { resolve } from "node:path";
import type { Command } from "../server/command-table.js";
import type { Server } from "../server/server.js";
import { COMPAT_VERSION } from "./connection.js";
import { moduleListEntries } from "./module.js";
import { tierInfoLines } from "../tiers/info.js";

export interface InfoSection {
  name: string;
  inDefault: boolean;
  lines(s: Server): string[];
}

// From dist/runtime/src/commands/ or runtime/src/commands/ alike: package.json is at the repository root.
const PACKAGE_JSON = new URL(import.meta.url.includes("/dist/") ? "../../../../package.json" : "../../../package.json", import.meta.url);
const FERRITE_VERSION: string = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")).version;
/** Like Redis's run_id and replication id: random per server process. */
const RUN_ID = randomBytes(20).toString("hex");
const REPL_ID = randomBytes(20).toString("hex");

/** Redis's bytesToHuman. */
function bytesToHuman(n: number): string {
  const units = ["B", "K", "M", "G", "T", "P"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(2)}${units[i]}`;
}

function pluginMemory(s: Server): number {
  let n = 0;
  for (const p of s.plugins.all()) n += p.memory.buffer.byteLength;
  return n;
}

function server(s: Server): string[] {
  const now = Date.now();
  const uptime = Math.floor((now - s.startedAt) / 1000);
  const hz = s.config.int("hz");
  return [
    `redis_version:${COMPAT_VERSION}`,
    `ferrite_version:${FERRITE_VERSION}`,
    "redis_git_sha1:00000000",
    "redis_git_dirty:0",
    "redis_mode:standalone",
    `os:${type()} ${release()} ${machine()}`,
    `arch_bits:${/64/.test(arch()) ? 64 : 32}`,
    `process_id:${process.pid}`,
    "process_supervised:no",
    `run_id:${RUN_ID}`,
    `tcp_port:${s.config.int("port")}`,
    `server_time_usec:${Math.floor((performance.timeOrigin + performance.now()) * 1000)}`,
    `uptime_in_seconds:${uptime}`,
    `uptime_in_days:${Math.floor(uptime / 86400)}`,
    `hz:${hz}`,
    `configured_hz:${hz}`,
    `executable:${resolve(process.argv[1] ?? "")}`,
    `config_file:${s.config.file}`,
  ];
}

function clients(s: Server): string[] {
  let maxInput = 0;
  let maxOutput = 0;
  for (const c of s.clients.values()) {
    maxInput = Math.max(maxInput, c.parser.bufferedBytes());
    maxOutput = Math.max(maxOutput, pendingBytes(c.socket));
  }
  return [
    `connected_clients:${s.clients.size}`,
    "cluster_connections:0",
    `maxclients:${s.config.int("maxclients")}`,
    `client_recent_max_input_buffer:${maxInput}`,
    `client_recent_max_output_buffer:${maxOutput}`,
    `blocked_clients:${s.keyspace.blocking.count}`,
    "tracking_clients:0",
    "clients_in_timeout_table:0",
  ];
}

function memory(s: Server): string[] {
  const usage = process.memoryUsage();
  // V8 counts each plugin's linear memory as external memory, so it is inside `external` already.
  const used = usage.heapUsed + usage.external;
  const plugins = pluginMemory(s);
  const system = totalmem();
  return [
    `used_memory:${used}`,
    `used_memory_human:${bytesToHuman(used)}`,
    `used_memory_rss:${usage.rss}`,
    `used_memory_rss_human:${bytesToHuman(usage.rss)}`,
    `used_memory_plugins:${plugins}`,
    `used_memory_plugins_human:${bytesToHuman(plugins)}`,
    `total_system_memory:${system}`,
    `total_system_memory_human:${bytesToHuman(system)}`,
    "maxmemory:0",
    "maxmemory_human:0B",
    "maxmemory_policy:noeviction",
  ];
}

function persistence(s: Server): string[] {
  return [
    "loading:0",
    "async_loading:0",
    `rdb_changes_since_last_save:${s.keyspace.dirty}`,
    "rdb_bgsave_in_progress:0",
    `rdb_last_save_time:${Math.floor(s.startedAt / 1000)}`,
    `aof_enabled:0`,
    "aof_rewrite_in_progress:0",
  ];
}

function stats(s: Server): string[] {
  const st = s.stats;
  let expired = 0;
  for (const db of s.keyspace.databases) expired += db.expiredKeys;
  return [
    `total_connections_received:${st.connections}`,
    `total_commands_processed:${st.commands}`,
    "instantaneous_ops_per_sec:0",
    `total_net_input_bytes:${st.netInput}`,
    `total_net_output_bytes:${st.netOutput}`,
    `rejected_connections:${st.rejectedConnections}`,
    `expired_keys:${expired}`,
    "evicted_keys:0",
    "pubsub_channels:0",
    "pubsub_patterns:0",
    `total_error_replies:${replyCounters.errors}`,
    `eventloop_max_delay_ms:${st.eventLoop.maxMs().toFixed(2)}`,
  ];
}

function replication(): string[] {
  return [
    "role:master",
    "connected_slaves:0",
    "master_failover_state:no-failover",
    `master_replid:${REPL_ID}`,
    `master_replid2:${"0".repeat(40)}`,
    "master_repl_offset:0",
    "second_repl_offset:-1",
    "repl_backlog_active:0",
  ];
}

function cpu(): string[] {
  const { user, system } = process.cpuUsage();
  return [
    `used_cpu_sys:${(system / 1e6).toFixed(6)}`,
    `used_cpu_user:${(user / 1e6).toFixed(6)}`,
    "used_cpu_sys_children:0.000000",
    "used_cpu_user_children:0.000000",
  ];
}

function modules(s: Server): string[] {
  return moduleListEntries(s).map((m) => `module:name=${m.name},ver=${m.ver},api=1,filters=0,usedby=[],using=[],options=[]`);
}

function commandStats(s: Server): string[] {
  const lines: string[] = [];
  const add = (cmd: Command) => {
    if (!cmd.calls && !cmd.failedCalls && !cmd.rejectedCalls) return;
    const perCall = cmd.calls ? cmd.usec / cmd.calls : 0;
    lines.push(`cmdstat_${cmd.spec.name}:calls=${cmd.calls},usec=${cmd.usec},usec_per_call=${perCall.toFixed(2)},` +
      `rejected_calls=${cmd.rejectedCalls},failed_calls=${cmd.failedCalls}`);
  };
  for (const cmd of s.commands.all()) {
    add(cmd);
    for (const sub of cmd.subcommands?.values() ?? []) add(sub);
  }
  return lines;
}

function keyspace(s: Server): string[] {
  return s.keyspace.databases
    .filter((db) => db.size > 0)
    .map((db) => `db${db.index}:keys=${db.size},expires=${db.table.volatileCount()},avg_ttl=0`);
}

function plugins(s: Server): string[] {
  return [...s.plugins.all()].map((p) =>
    `plugin_${p.name}:version=${p.manifest.version},abi=${p.manifest.abi},commands=${p.manifest.commands.length},` +
    `types=[${p.manifest.types.map((t) => t.name).join("|")}],memory=${p.memory.buffer.byteLength},calls=${p.calls},` +
    `traps=${p.traps},budget_overruns=${p.budgetOverruns},ooms=${p.ooms}`);
}

export const INFO_SECTIONS: InfoSection[] = [
  { name: "Server", inDefault: true, lines: server },
  { name: "Clients", inDefault: true, lines: clients },
  { name: "Memory", inDefault: true, lines: memory },
  { name: "Persistence", inDefault: true, lines: persistence },
  { name: "Stats", inDefault: true, lines: stats },
  { name: "Replication", inDefault: true, lines: replication },
  { name: "CPU", inDefault: true, lines: cpu },
  { name: "Modules", inDefault: true, lines: modules },
  { name: "Commandstats", inDefault: false, lines: commandStats },
  { name: "Cluster", inDefault: true, lines: () => ["cluster_enabled:0"] },
  { name: "Keyspace", inDefault: true, lines: keyspace },
  { name: "Tiers", inDefault: true, lines: (s) => tierInfoLines(s.keyspace.tiers, s.keyspace.totalKeys()) },
  { name: "Plugins", inDefault: true, lines: plugins },
];
