// The persistence configs, with Redis's names and defaults (dbfilename aside: the file is not RDB).
import type { ConfigDef } from "./config-def.js";
import { checkSaveRules } from "./save-rules.js";

export const PERSISTENCE_CONFIGS: ConfigDef[] = [
  { name: "save", kind: "string", default: "3600 1 300 100 60 10000", check: checkSaveRules },
  { name: "dbfilename", kind: "string", default: "dump.fsnap", protected: true, check: (v) => (/[/\\]/.test(v) || v === "" ? "dbfilename can't be a path, just a filename" : null) },
  { name: "rdbcompression", kind: "bool", default: "yes" },
  { name: "rdbchecksum", kind: "bool", default: "yes" },
  { name: "stop-writes-on-bgsave-error", kind: "bool", default: "yes" },
  { name: "appendonly", kind: "bool", default: "no" },
  { name: "appendfsync", kind: "enum", default: "everysec", values: ["always", "everysec", "no"] },
  { name: "appendfilename", kind: "string", default: "appendonly.aof", immutable: true },
  { name: "appenddirname", kind: "string", default: "appendonlydir", immutable: true },
  { name: "aof-load-truncated", kind: "bool", default: "yes" },
  { name: "auto-aof-rewrite-percentage", kind: "int", default: "100", min: 0, max: 2 ** 31 - 1 },
  { name: "auto-aof-rewrite-min-size", kind: "memory", default: String(64 * 1024 * 1024), min: 0, max: 2 ** 53 },
];
