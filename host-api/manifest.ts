// The plugin manifest: what a plugin declares about itself, stored as JSON in the wasm custom section
// named in abi.json. Shared by the runtime (which reads it without instantiating the plugin) and the
// SDK build tool (which writes and validates it), so both sides agree on one shape.

/** A Redis key spec, as COMMAND INFO reports it. */
export interface KeySpec {
  notes?: string;
  flags: string[];
  begin_search:
    | { type: "index"; spec: { index: number } }
    | { type: "keyword"; spec: { keyword: string; startfrom: number } }
    | { type: "unknown"; spec: Record<string, never> };
  find_keys:
    | { type: "range"; spec: { lastkey: number; keystep: number; limit: number } }
    | { type: "keynum"; spec: { keynumidx: number; firstkey: number; keystep: number } }
    | { type: "unknown"; spec: Record<string, never> };
}

/** COMMAND DOCS material; `arguments` is kept as Redis's JSON command files spell it. */
export interface CommandDoc {
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  doc_flags?: string[];
  deprecated_since?: string;
  replaced_by?: string;
  history?: [string, string][];
  arguments?: unknown[];
}

export interface CommandSpec {
  /** Dispatch id passed to ferrite_command; absent on a container whose subcommands carry ids. */
  id?: number;
  /** Lower case; a subcommand is `container|sub`, as in Redis. */
  name: string;
  /** Redis arity: n = exactly n arguments including the name, -n = at least n. */
  arity: number;
  flags: string[];
  /** With the leading `@`, e.g. `@string`. */
  acl_categories: string[];
  first_key: number;
  last_key: number;
  step: number;
  key_specs?: KeySpec[];
  /**
   * Host API 1.8: the plugin's ferrite_keys finds this command's keys (keys at no fixed position, such as
   * SORT … STORE dst: Redis's getkeys proc), where the key specs alone cannot.
   */
  key_finder?: boolean;
  /**
   * Host API 1.9: the plugin's ferrite_command_flags says, per call, whether this command writes, is
   * refused under maxmemory or may replicate (EVAL's shebang: Redis's getCommandFlags).
   */
  call_flags?: boolean;
  tips?: string[];
  doc?: CommandDoc;
  subcommands?: CommandSpec[];
}

export interface TypeSpec {
  /** What TYPE answers, unique across loaded plugins, e.g. `string`. */
  name: string;
  /** Serialization version written by ferrite_type_save and passed back to ferrite_type_load. */
  encver: number;
  /** Names OBJECT ENCODING may answer, indexed by ferrite_type_encoding. */
  encodings: string[];
}

/**
 * A config the plugin declares (host API 1.4). The host owns it like a server config: CONFIG GET/SET,
 * the config file and command line, MODULE LOADEX … CONFIG. Its value reaches the plugin through the
 * config block (export ferrite_config_block), slot = its index in `configs`.
 */
export interface ConfigSpec {
  /** Lower case. A third-party plugin's config is exposed as `<plugin>.<name>`; a built-in plugin's as is. */
  name: string;
  type: (typeof CONFIG_TYPES)[number];
  /** As the config file would spell it: `512`, `yes`, `4kb`, an enum value. */
  default: string | number | boolean;
  /** Inclusive bounds of an integer, memory or float config. */
  min?: number;
  max?: number;
  /** Host API 1.7: a float's bounds are exclusive instead (an error rate in (0, 1)). */
  exclusive?: boolean;
  /** The values of an enum. */
  values?: string[];
  flags?: (typeof CONFIG_FLAGS)[number][];
  /** Other names for the same config (Redis 7's `hash-max-ziplist-entries` for `hash-max-listpack-entries`). */
  aliases?: string[];
}

/**
 * A function other plugins may call with plugin_call (host API 1.8): bytes in, bytes out, run through
 * the export ferrite_function with this dispatch id, as a command runs through ferrite_command.
 */
export interface FunctionSpec {
  /** What callers name in plugin_call, unique in the plugin. */
  name: string;
  id: number;
}

export const FUNCTION_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export const CONFIG_TYPES = ["bool", "integer", "memory", "enum", "string", "float"] as const;
export const CONFIG_FLAGS = ["immutable", "hidden", "sensitive"] as const;
/** The config block has one i64 slot per config; a bound keeps it small and fixed-size in the SDK. */
export const MAX_CONFIGS = 64;

export interface Manifest {
  name: string;
  /** The plugin's own semver. */
  version: string;
  /** Host API version it was built for, `major.minor`. */
  abi: string;
  description?: string;
  types: TypeSpec[];
  commands: CommandSpec[];
  /** Host API 1.4. */
  configs?: ConfigSpec[];
  /** Host API 1.8: functions other plugins call (plugin_call). */
  functions?: FunctionSpec[];
}

export const NAME = /^[a-z][a-z0-9_-]{0,63}$/;
/** What TYPE answers may mix cases, as Redis module type names do (`MBbloom--`, `ReJSON-RL`, `TSDB-TYPE`). */
export const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A command's name; a subcommand's is `container|sub`. */
export const COMMAND_NAME = /^[a-z0-9_.|-]+$/;
/** A host API version, `major.minor`. */
export const ABI_VERSION = /^\d+\.\d+$/;
/** An enum config's values. */
export const ENUM_VALUE = /^[a-z0-9_-]+$/;

function checkCommand(c: CommandSpec, where: string, ids: Set<number>, problems: string[]): void {
  if (typeof c.name !== "string" || !COMMAND_NAME.test(c.name)) problems.push(`${where}: bad name ${JSON.stringify(c.name)}`);
  if (!Number.isInteger(c.arity) || c.arity === 0) problems.push(`${where}: arity must be a non-zero integer`);
  if (!Array.isArray(c.flags) || !Array.isArray(c.acl_categories)) problems.push(`${where}: flags and acl_categories must be arrays`);
  for (const k of ["first_key", "last_key", "step"] as const)
    if (!Number.isInteger(c[k])) problems.push(`${where}: ${k} must be an integer`);
  if (c.key_finder !== undefined && typeof c.key_finder !== "boolean") problems.push(`${where}: key_finder must be a boolean`);
  if (c.call_flags !== undefined && typeof c.call_flags !== "boolean") problems.push(`${where}: call_flags must be a boolean`);
  if (c.subcommands?.length) {
    for (const s of c.subcommands) {
      if (!s.name.startsWith(`${c.name}|`)) problems.push(`${where}: subcommand ${s.name} must be named ${c.name}|…`);
      checkCommand(s, `${where}|${s.name}`, ids, problems);
    }
  } else if (!Number.isInteger(c.id) || (c.id as number) < 0) {
    problems.push(`${where}: id must be a non-negative integer`);
  } else if (ids.has(c.id as number)) {
    problems.push(`${where}: duplicate id ${c.id}`);
  } else {
    ids.add(c.id as number);
  }
}

export const CONFIG_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

function checkConfig(c: ConfigSpec, where: string, problems: string[]): void {
  if (!CONFIG_NAME.test(c.name ?? "")) problems.push(`${where}: name must match ${CONFIG_NAME}`);
  if (!CONFIG_TYPES.includes(c.type)) problems.push(`${where}: type must be one of ${CONFIG_TYPES.join(", ")}`);
  if (!["string", "number", "boolean"].includes(typeof c.default)) problems.push(`${where}: default must be a string, number or boolean`);
  for (const k of ["min", "max"] as const)
    if (c[k] !== undefined && (c.type === "integer" || c.type === "memory" ? !Number.isInteger(c[k]) : c.type !== "float" || !Number.isFinite(c[k])))
      problems.push(`${where}: ${k} is an integer for integer and memory configs, a finite number for float ones, and for those only`);
  if (c.exclusive !== undefined && (c.type !== "float" || typeof c.exclusive !== "boolean")) problems.push(`${where}: exclusive is a boolean, for float configs only`);
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push(`${where}: min is above max`);
  if (c.type === "enum" ? !(Array.isArray(c.values) && c.values.length && c.values.every((v) => ENUM_VALUE.test(v))) : c.values !== undefined)
    problems.push(`${where}: values (lower-case words) are required for an enum and only for it`);
  if (c.flags !== undefined && !(Array.isArray(c.flags) && c.flags.every((f) => CONFIG_FLAGS.includes(f))))
    problems.push(`${where}: flags must be among ${CONFIG_FLAGS.join(", ")}`);
  if (c.aliases !== undefined && !(Array.isArray(c.aliases) && c.aliases.every((a) => CONFIG_NAME.test(a))))
    problems.push(`${where}: aliases must be names matching ${CONFIG_NAME}`);
}

function checkConfigs(configs: unknown, problems: string[]): void {
  if (configs === undefined) return;
  if (!Array.isArray(configs)) return void problems.push("configs must be an array");
  if (configs.length > MAX_CONFIGS) problems.push(`at most ${MAX_CONFIGS} configs`);
  const names = new Set<string>();
  configs.forEach((c: ConfigSpec, i) => {
    checkConfig(c, `configs[${i}] ${c?.name}`, problems);
    for (const name of [c.name, ...(c.aliases ?? [])]) {
      if (names.has(name)) problems.push(`duplicate config name ${name}`);
      names.add(name);
    }
  });
}

function checkFunctions(functions: unknown, problems: string[]): void {
  if (functions === undefined) return;
  if (!Array.isArray(functions)) return void problems.push("functions must be an array");
  const names = new Set<string>();
  const ids = new Set<number>();
  functions.forEach((f: FunctionSpec, i) => {
    if (!FUNCTION_NAME.test(f?.name ?? "")) problems.push(`functions[${i}]: name must match ${FUNCTION_NAME}`);
    else if (names.has(f.name)) problems.push(`duplicate function ${f.name}`);
    names.add(f?.name);
    if (!Number.isInteger(f?.id) || f.id < 0) problems.push(`functions[${i}] ${f?.name}: id must be a non-negative integer`);
    else if (ids.has(f.id)) problems.push(`functions[${i}] ${f.name}: duplicate id ${f.id}`);
    ids.add(f?.id);
  });
}

/** Whether a command of the manifest has its flags answered per call by the plugin (host API 1.9 ferrite_command_flags). */
export function usesCallFlags(m: Manifest): boolean {
  return m.commands.some((c) => c.call_flags || c.subcommands?.some((s) => s.call_flags));
}

/** Whether a command (or subcommand) of the manifest has its keys found by the plugin (host API 1.8 ferrite_keys). */
export function usesKeyFinder(m: Manifest): boolean {
  return m.commands.some((c) => c.key_finder || c.subcommands?.some((s) => s.key_finder));
}

/** Problems with a parsed manifest, empty when it is valid. */
export function validateManifest(m: Manifest): string[] {
  const problems: string[] = [];
  if (typeof m !== "object" || m === null) return ["manifest is not an object"];
  if (!NAME.test(m.name ?? "")) problems.push(`name must match ${NAME}`);
  if (typeof m.version !== "string") problems.push("version must be a string");
  if (typeof m.abi !== "string" || !ABI_VERSION.test(m.abi)) problems.push("abi must be `major.minor`");
  if (!Array.isArray(m.types)) problems.push("types must be an array");
  else
    m.types.forEach((t, i) => {
      if (!TYPE_NAME.test(t.name ?? "")) problems.push(`types[${i}]: bad name`);
      if (!Number.isInteger(t.encver) || t.encver < 0) problems.push(`types[${i}]: encver must be a non-negative integer`);
      if (!Array.isArray(t.encodings) || t.encodings.length === 0) problems.push(`types[${i}]: encodings must be a non-empty array`);
    });
  if (!Array.isArray(m.commands)) problems.push("commands must be an array");
  else {
    const ids = new Set<number>();
    const names = new Set<string>();
    m.commands.forEach((c, i) => {
      checkCommand(c, `commands[${i}] ${c?.name}`, ids, problems);
      if (names.has(c.name)) problems.push(`duplicate command ${c.name}`);
      names.add(c.name);
    });
  }
  checkConfigs(m.configs, problems);
  checkFunctions(m.functions, problems);
  if (m.configs?.length && /^1\.[0-3]$/.test(m.abi)) problems.push("configs need host API 1.4: declare \"abi\": \"1.4\"");
  if (m.configs?.some((c) => c.type === "float") && /^1\.[0-6]$/.test(m.abi)) problems.push("float configs need host API 1.7: declare \"abi\": \"1.7\"");
  if (Array.isArray(m.commands) && usesKeyFinder(m) && /^1\.[0-7]$/.test(m.abi))
    problems.push("key_finder needs host API 1.8: declare \"abi\": \"1.8\"");
  if (m.functions?.length && /^1\.[0-7]$/.test(m.abi)) problems.push("functions need host API 1.8: declare \"abi\": \"1.8\"");
  if (Array.isArray(m.commands) && usesCallFlags(m) && /^1\.[0-8]$/.test(m.abi))
    problems.push("call_flags needs host API 1.9: declare \"abi\": \"1.9\"");
  return problems;
}
