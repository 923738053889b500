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

export interface Manifest {
  name: string;
  /** The plugin's own semver. */
  version: string;
  /** Host API version it was built for, `major.minor`. */
  abi: string;
  description?: string;
  types: TypeSpec[];
  commands: CommandSpec[];
}

const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

function checkCommand(c: CommandSpec, where: string, ids: Set<number>, problems: string[]): void {
  if (typeof c.name !== "string" || !/^[a-z0-9_.|-]+$/.test(c.name)) problems.push(`${where}: bad name ${JSON.stringify(c.name)}`);
  if (!Number.isInteger(c.arity) || c.arity === 0) problems.push(`${where}: arity must be a non-zero integer`);
  if (!Array.isArray(c.flags) || !Array.isArray(c.acl_categories)) problems.push(`${where}: flags and acl_categories must be arrays`);
  for (const k of ["first_key", "last_key", "step"] as const)
    if (!Number.isInteger(c[k])) problems.push(`${where}: ${k} must be an integer`);
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

/** Problems with a parsed manifest, empty when it is valid. */
export function validateManifest(m: Manifest): string[] {
  const problems: string[] = [];
  if (typeof m !== "object" || m === null) return ["manifest is not an object"];
  if (!NAME.test(m.name ?? "")) problems.push(`name must match ${NAME}`);
  if (typeof m.version !== "string") problems.push("version must be a string");
  if (typeof m.abi !== "string" || !/^\d+\.\d+$/.test(m.abi)) problems.push("abi must be `major.minor`");
  if (!Array.isArray(m.types)) problems.push("types must be an array");
  else
    m.types.forEach((t, i) => {
      if (!NAME.test(t.name ?? "")) problems.push(`types[${i}]: bad name`);
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
  return problems;
}
