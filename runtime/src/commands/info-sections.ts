// INFO's sections, each a list of `field:value` lines: Redis's fields where we have an honest value
// (or Redis's own value for a feature that does not exist yet, e.g. no replicas), plus Ferrite's
// `plugins` section. Section order is Redis's; `default` marks what a bare INFO prints.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { arch, machine, release, type } from "node:os";
import { resolve } from "node:path";
import type { Command, CommandServer as Server } from "../command/command-table.js";
import { COMPAT_VERSION } from "./connection.js";
import { moduleListEntries } from "./module.js";
import { memoryInfoLines } from "./info-memory.js";
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
    maxOutput = Math.max(maxOutput, c.outputPending());
  }
  return [
    `connected_clients:${s.clients.size}`,
    "cluster_connections:0",
    `maxclients:${s.config.int("maxclients")}`,
    `client_recent_max_input_buffer:${maxInput}`,
    `client_recent_max_output_buffer:${maxOutput}`,
    `blocked_clients:${s.blocking.count + s.pause.heldCount}`,
    `tracking_clients:${s.tracking.clients}`,
    `watching_clients:${s.watches.clients}`,
    "clients_in_timeout_table:0",
    `total_watched_keys:${s.watches.distinctKeys()}`,
  ];
}

function persistence(s: Server): string[] {
  return s.persistence.infoLines();
}

function stats(s: Server): string[] {
  const st = s.stats;
  const o = s.observability;
  let expired = 0;
  for (const db of s.keyspace.databases) expired += db.expiredKeys;
  return [
    `total_connections_received:${st.connections}`,
    `total_commands_processed:${st.commands}`,
    `instantaneous_ops_per_sec:${Math.round(o.opsPerSec.rate())}`,
    `total_net_input_bytes:${st.netInput}`,
    `total_net_output_bytes:${st.netOutput}`,
    "total_net_repl_input_bytes:0",
    "total_net_repl_output_bytes:0",
    `instantaneous_input_kbps:${(o.inputPerSec.rate() / 1024).toFixed(2)}`,
    `instantaneous_output_kbps:${(o.outputPerSec.rate() / 1024).toFixed(2)}`,
    "instantaneous_input_repl_kbps:0.00",
    "instantaneous_output_repl_kbps:0.00",
    `rejected_connections:${st.rejectedConnections}`,
    "sync_full:0",
    "sync_partial_ok:0",
    "sync_partial_err:0",
    `expired_keys:${expired}`,
    `evicted_keys:${s.memory.evictedKeys}`,
    "evicted_clients:0",
    `keyspace_hits:${s.keyspace.stats.hits}`,
    `keyspace_misses:${s.keyspace.stats.misses}`,
    `pubsub_channels:${s.pubsub.channelCount}`,
    `pubsub_patterns:${s.pubsub.patternCount}`,
    `pubsubshard_channels:${s.pubsub.shardChannelCount}`,
    "latest_fork_usec:0",
    "total_forks:0",
    `tracking_total_keys:${s.tracking.totalKeys}`,
    `tracking_total_items:${s.tracking.totalItems}`,
    `tracking_total_prefixes:${s.tracking.totalPrefixes}`,
    "unexpected_error_replies:0",
    `total_error_replies:${s.observability.errors.total}`,
    `total_reads_processed:${st.reads}`,
    `total_writes_processed:${st.writes}`,
    "io_threaded_reads_processed:0",
    "io_threaded_writes_processed:0",
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

/** Redis's usec_per_call: whole microseconds over calls, two decimals. */
function perCall(usec: number, calls: number): string {
  return (calls ? usec / calls : 0).toFixed(2);
}

function commandStats(s: Server): string[] {
  const lines: string[] = [];
  const add = (cmd: Command) => {
    if (!cmd.calls && !cmd.failedCalls && !cmd.rejectedCalls) return;
    const usec = Math.floor(cmd.usec);
    lines.push(`cmdstat_${cmd.spec.name}:calls=${cmd.calls},usec=${usec},usec_per_call=${perCall(usec, cmd.calls)},` +
      `rejected_calls=${cmd.rejectedCalls},failed_calls=${cmd.failedCalls}`);
  };
  for (const cmd of s.commands.all()) {
    add(cmd);
    for (const sub of cmd.subcommands?.values() ?? []) add(sub);
  }
  return lines;
}

/** Redis's genRedisInfoStringLatencyStats: each command (and subcommand) with a histogram, while latency-tracking is on. */
function latencyStats(s: Server): string[] {
  const o = s.observability;
  const lines: string[] = [];
  if (!o.latencyTracking) return lines;
  const add = (cmd: Command) => {
    const h = cmd.histogram;
    if (h === null) return;
    const values = o.percentiles.map((p, i) => `p${o.percentileNames[i]}=${(h.valueAtPercentile(p) / 1000).toFixed(3)}`);
    lines.push(`latency_percentiles_usec_${cmd.name}:${values.join(",")}`);
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
    `usec=${Math.floor(p.usec)},usec_per_call=${perCall(Math.floor(p.usec), p.calls)},` +
    `traps=${p.traps},budget_overruns=${p.budgetOverruns},ooms=${p.ooms},` +
    `status=${p.quarantine ? "quarantined" : "ok"},heap_faults=${p.heapFaults},respawns=${p.respawns},dropped_values=${p.droppedValues}`);
}

export const INFO_SECTIONS: InfoSection[] = [
  { name: "Server", inDefault: true, lines: server },
  { name: "Clients", inDefault: true, lines: clients },
  { name: "Memory", inDefault: true, lines: memoryInfoLines },
  { name: "Persistence", inDefault: true, lines: persistence },
  { name: "Stats", inDefault: true, lines: stats },
  { name: "Replication", inDefault: true, lines: replication },
  { name: "CPU", inDefault: true, lines: cpu },
  { name: "Modules", inDefault: true, lines: modules },
  { name: "Commandstats", inDefault: false, lines: commandStats },
  { name: "Errorstats", inDefault: true, lines: (s) => s.observability.errors.lines() },
  { name: "Latencystats", inDefault: false, lines: latencyStats },
  { name: "Cluster", inDefault: true, lines: () => ["cluster_enabled:0"] },
  { name: "Keyspace", inDefault: true, lines: keyspace },
  { name: "Tiers", inDefault: true, lines: (s) => tierInfoLines(s.keyspace.tiers, s.keyspace.totalKeys()) },
  { name: "Plugins", inDefault: true, lines: plugins },
];
