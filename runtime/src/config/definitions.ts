// Every server config: its kind, default and whether CONFIG SET may change it at run time. CONFIG GET
// and the command line / config file all go through this table.
import { DEFAULT_OUTPUT_LIMITS, parseOutputLimits } from "./output-buffer-limit.js";
import { DEFAULT_PERCENTILES, parsePercentiles } from "./latency-percentiles.js";
import { parseNotifyConfig } from "./event-classes.js";
import { POLICY_NAMES } from "./eviction-policy.js";
import { PERSISTENCE_CONFIGS } from "./persistence-configs.js";
import { parseMemoryOrPercent } from "./parse-value.js";
import type { ConfigDef } from "./config-def.js";

const GB = 1024 * 1024 * 1024;

export const CONFIG_DEFS: ConfigDef[] = [
  { name: "port", kind: "int", default: "6379", immutable: true, min: 0, max: 65535 },
  { name: "bind", kind: "string", default: "127.0.0.1", immutable: true },
  // Protected in Redis and settable when enable-protected-configs allows; here also immutable: the AOF
  // manifest and open files are bound to the dir the server started in.
  { name: "dir", kind: "string", default: "./data", immutable: true, protected: true },
  { name: "requirepass", kind: "string", default: "" },
  { name: "aclfile", kind: "string", default: "", immutable: true },
  { name: "acllog-max-len", kind: "int", default: "128", min: 0, max: 2 ** 53 },
  { name: "protected-mode", kind: "bool", default: "yes" },
  { name: "databases", kind: "int", default: "16", immutable: true, min: 1, max: 1_000_000 },
  { name: "loadmodule", kind: "string", default: "", immutable: true, repeatable: true, hidden: true },
  { name: "builtin-plugins", kind: "bool", default: "yes", immutable: true },
  { name: "hz", kind: "int", default: "10", min: 1, max: 500 },
  { name: "timeout", kind: "int", default: "0", min: 0, max: 2 ** 31 - 1 },
  { name: "latency-tracking", kind: "bool", default: "yes" },
  { name: "latency-tracking-info-percentiles", kind: "string", default: DEFAULT_PERCENTILES, parse: parsePercentiles },
  { name: "tracking-table-max-keys", kind: "int", default: "1000000", min: 0, max: 2 ** 53 },
  { name: "maxclients", kind: "int", default: "10000", min: 1, max: 2 ** 31 - 1 },
  { name: "proto-max-bulk-len", kind: "memory", default: String(512 * 1024 * 1024), min: 1024 * 1024, max: 2 ** 53 },
  { name: "client-query-buffer-limit", kind: "memory", default: String(GB), min: 1024 * 1024, max: 2 ** 53 },
  { name: "client-output-buffer-limit", kind: "string", default: DEFAULT_OUTPUT_LIMITS, parse: parseOutputLimits },
  { name: "loglevel", kind: "enum", default: "notice", values: ["debug", "verbose", "notice", "warning", "nothing"] },
  { name: "logfile", kind: "string", default: "", immutable: true },
  { name: "daemonize", kind: "bool", default: "no", immutable: true },
  { name: "enable-module-command", kind: "enum", default: "local", values: ["no", "yes", "local"], immutable: true },
  { name: "enable-protected-configs", kind: "enum", default: "no", values: ["no", "yes", "local"], immutable: true },
  { name: "plugin-call-budget-ms", kind: "int", default: "1000", min: 1, max: 3_600_000 },
  // How long a script runs before other clients get -BUSY and SCRIPT/FUNCTION KILL can stop it (ADR 0038).
  { name: "busy-reply-threshold", aliases: ["lua-time-limit"], kind: "int", default: "5000", min: 0, max: 2 ** 53 },
  // Writes need this many good replicas; Ferrite has none, so above 0 every write is refused (server/good-replicas.ts).
  { name: "min-replicas-to-write", aliases: ["min-slaves-to-write"], kind: "int", default: "0", min: 0, max: 2 ** 31 - 1 },
  { name: "min-replicas-max-lag", aliases: ["min-slaves-max-lag"], kind: "int", default: "10", min: 0, max: 2 ** 31 - 1 },
  // Debug mode (tests, plugin authors): a value changed after a read-only open fails the command (keyspace/read-only-opens.ts).
  { name: "plugin-debug-write-intent", kind: "bool", default: "no" },
  { name: "plugin-max-memory", kind: "memory", default: String(2 * GB), min: 1024 * 1024, max: 4 * GB },
  // The largest .wasm file a load reads: checked on the open file before its size is allocated.
  { name: "plugin-max-file-size", kind: "memory", default: String(64 * 1024 * 1024), min: 1024, max: GB },
  { name: "active-expire-enabled", kind: "bool", default: "yes" },
  // Where Redis frees values in the background; Ferrite frees them at once and counts them as Redis
  // would in INFO's lazyfreed_objects (keyspace/lazyfree.ts, ADR 0050). No replicas: replica-lazy-flush is kept only.
  { name: "lazyfree-lazy-eviction", kind: "bool", default: "no" },
  { name: "lazyfree-lazy-expire", kind: "bool", default: "no" },
  { name: "lazyfree-lazy-server-del", kind: "bool", default: "no" },
  { name: "lazyfree-lazy-user-del", kind: "bool", default: "no" },
  { name: "lazyfree-lazy-user-flush", kind: "bool", default: "no" },
  { name: "replica-lazy-flush", kind: "bool", default: "no" },
  { name: "lfu-log-factor", kind: "int", default: "10", min: 0, max: 2 ** 31 - 1 },
  { name: "lfu-decay-time", kind: "int", default: "1", min: 0, max: 2 ** 31 - 1 },
  { name: "notify-keyspace-events", kind: "string", default: "", parse: parseNotifyConfig },
  { name: "maxmemory", kind: "memory", default: "0", min: 0, max: 2 ** 53 },
  { name: "maxmemory-policy", kind: "enum", default: "noeviction", values: POLICY_NAMES },
  { name: "maxmemory-samples", kind: "int", default: "5", min: 1, max: 64 },
  { name: "maxmemory-eviction-tenacity", kind: "int", default: "10", min: 0, max: 100 },
  { name: "slowlog-log-slower-than", kind: "int", default: "10000", min: -1, max: 2 ** 53 },
  { name: "slowlog-max-len", kind: "int", default: "128", min: 0, max: 2 ** 31 - 1 },
  { name: "latency-monitor-threshold", kind: "int", default: "0", min: 0, max: 2 ** 53 },
  // Redis configs that tools and Redis's own suite read and set, for features Ferrite does not have
  // (ADR 0046): kept and reported with Redis's checks, without effect. No replication: `replicaof` can
  // only be empty, so a config file asking for a replica fails at startup rather than being ignored.
  { name: "replicaof", aliases: ["slaveof"], kind: "string", default: "", immutable: true, check: (v) => (v === "" ? null : "replication is not supported") },
  { name: "repl-backlog-size", kind: "memory", default: String(1024 * 1024), min: 1, max: 2 ** 53 },
  // No client eviction: the limit is kept, and setting one is logged as having no effect (wire-maxmemory.ts).
  { name: "maxmemory-clients", kind: "memory", default: "0", parse: parseMemoryOrPercent },
  // Redis's test hook (a delay per key loaded), hidden from CONFIG GET patterns as in Redis.
  { name: "key-load-delay", kind: "int", default: "0", min: -(2 ** 31), max: 2 ** 31 - 1, hidden: true },
  ...PERSISTENCE_CONFIGS,
  // Tiered storage (docs/tiers.md): 0 = no hot budget, nothing is ever demoted.
  { name: "tier-hot-max-memory", kind: "memory", default: String(GB), min: 0, max: 2 ** 53 },
  { name: "tier-warm-max-memory", kind: "memory", default: String(4 * GB), min: 0, max: 2 ** 53 },
  { name: "tier-segment-size", kind: "memory", default: String(64 * 1024 * 1024), min: 64 * 1024, max: GB },
  { name: "tier-compact-garbage-percent", kind: "int", default: "50", min: 1, max: 100 },
];
