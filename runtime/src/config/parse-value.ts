// Turns config text into canonical values with Redis's rules (memtoull units, yes/no booleans).
import type { ConfigDef } from "./config-def.js";

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };

export function parseMemory(text: string): number | null {
  const m = /^(\d+)([a-z]*)$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[m[2].toLowerCase()];
  return unit === undefined ? null : Number(m[1]) * unit;
}

/**
 * A memory config that also takes a share of maxmemory (Redis's PERCENT_CONFIG: maxmemory-clients):
 * `N%` with N at most 100, kept as written, or a memory value in bytes.
 */
export function parseMemoryOrPercent(raw: string): { value: string } | { error: string } {
  const percent = /^(\d+)%$/.exec(raw);
  if (percent) return Number(percent[1]) > 100 ? { error: "percentage argument must be less or equal to 100" } : { value: `${Number(percent[1])}%` };
  const bytes = parseMemory(raw);
  return bytes === null ? { error: "argument must be a memory or percent value" } : { value: String(bytes) };
}

/**
 * A bound as Redis prints it. A double cannot hold LONG_MAX (2^63 - 1 rounds to 2^63), so a bound that
 * large is Redis's LONG_MAX / LLONG_MIN, which plugins declare for their size_t and long long configs.
 */
function boundText(n: number | undefined): string {
  if (n !== undefined && n >= 2 ** 63) return "9223372036854775807";
  if (n !== undefined && n <= -(2 ** 63)) return "-9223372036854775808";
  return String(n);
}

/** A decimal number as strtod reads one (`0.01`, `.5`, `1e-3`); not inf or nan. */
export const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A float config (host API 1.7): its canonical text is the shortest that reads back as the same double. */
function parseFloatValue(def: ConfigDef, raw: string): { value: string } | { error: string } {
  const n = FLOAT.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) return { error: "argument couldn't be parsed into a number" };
  const below = def.min !== undefined && (def.exclusive ? n <= def.min : n < def.min);
  const above = def.max !== undefined && (def.exclusive ? n >= def.max : n > def.max);
  if (below || above) return { error: `argument must be between ${def.min} and ${def.max} ${def.exclusive ? "exclusive" : "inclusive"}` };
  return { value: String(n) };
}

/** The canonical stored text for `raw`, or an error message in Redis's words. */
export function parseConfigValue(def: ConfigDef, raw: string, current: string): { value: string } | { error: string } {
  if (def.parse) return def.parse(raw, current);
  switch (def.kind) {
    case "bool": {
      const v = raw.toLowerCase();
      if (v !== "yes" && v !== "no") return { error: "argument must be 'yes' or 'no'" };
      return { value: v };
    }
    case "enum": {
      const v = raw.toLowerCase();
      if (!def.values!.includes(v)) return { error: "argument(s) must be one of the following: " + def.values!.join(", ") };
      return { value: v };
    }
    case "int":
    case "memory": {
      const n = def.kind === "int" ? (/^-?\d+$/.test(raw) ? Number(raw) : null) : parseMemory(raw);
      if (n === null) return { error: def.kind === "int" ? "argument couldn't be parsed into an integer" : "argument must be a memory value" };
      if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max))
        return { error: `argument must be between ${boundText(def.min)} and ${boundText(def.max)} inclusive` };
      return { value: String(n) };
    }
    case "float":
      return parseFloatValue(def, raw);
    case "string": {
      const error = def.check?.(raw);
      return error ? { error } : { value: raw };
    }
  }
}
