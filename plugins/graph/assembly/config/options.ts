// GRAPH.CONFIG's options: FalkorDB's configuration fields (configuration/config.h), in its order (the
// order GRAPH.CONFIG GET * lists them), with its defaults, parsing rules and the subset that may change
// at run time. They are the plugin's own state (one wasm instance per server): GRAPH.CONFIG SET must
// answer FalkorDB's errors, which host configs (ADR 0021, set through CONFIG SET) cannot give.

/** How an option's text value is read. */
const INT = 0; // any integer
const NON_NEGATIVE = 1; // an integer >= 0
const POSITIVE = 2; // an integer > 0
const YES_NO = 3; // "yes" / "no", answered as 1 / 0

class Option {
  name: string;
  value: i64;
  parse: i32;
  /** In FalkorDB's RUNTIME_CONFIGS: GRAPH.CONFIG SET may change it. */
  runtime: bool;
  constructor(name: string, value: i64, parse: i32, runtime: bool) {
    this.name = name;
    this.value = value;
    this.parse = parse;
    this.runtime = runtime;
  }
}

/** FalkorDB's "unlimited" for RESULTSET_SIZE, shown as -1. */
const UNLIMITED: i64 = -1;

export const OPTIONS: Array<Option> = [
  new Option("TIMEOUT", 0, NON_NEGATIVE, true),
  new Option("TIMEOUT_DEFAULT", 0, NON_NEGATIVE, true),
  new Option("TIMEOUT_MAX", 0, NON_NEGATIVE, true),
  new Option("CACHE_SIZE", 25, POSITIVE, false),
  new Option("ASYNC_DELETE", 1, YES_NO, true),
  // One thread runs every query here: the thread counts say so.
  new Option("OMP_THREAD_COUNT", 1, POSITIVE, false),
  new Option("THREAD_COUNT", 1, POSITIVE, false),
  new Option("RESULTSET_SIZE", UNLIMITED, INT, true),
  new Option("VKEY_MAX_ENTITY_COUNT", 100000, NON_NEGATIVE, true),
  new Option("MAX_QUEUED_QUERIES", i64.MAX_VALUE, POSITIVE, true),
  new Option("QUERY_MEM_CAPACITY", 0, NON_NEGATIVE, true),
  new Option("DELTA_MAX_PENDING_CHANGES", 10000, NON_NEGATIVE, true),
  new Option("NODE_CREATION_BUFFER", 16384, NON_NEGATIVE, false),
  new Option("CMD_INFO", 1, YES_NO, true),
  new Option("MAX_INFO_QUERIES", 1000, NON_NEGATIVE, true),
  new Option("EFFECTS_THRESHOLD", 300, NON_NEGATIVE, true),
  new Option("BOLT_PORT", -1, INT, false),
];

export const TIMEOUT = 0;
export const TIMEOUT_DEFAULT = 1;
export const TIMEOUT_MAX = 2;
export const RESULTSET_SIZE = 7;

export function optionValue(i: i32): i64 { return OPTIONS[i].value; }

export function isBoolOption(i: i32): bool { return OPTIONS[i].parse == YES_NO; }

/** The option named (case-insensitively) by the bytes, or -1. */
export function optionIndex(ptr: usize, len: i32): i32 {
  const name = String.UTF8.decodeUnsafe(ptr, len).toUpperCase();
  for (let i = 0; i < OPTIONS.length; i++) if (OPTIONS[i].name == name) return i;
  return -1;
}

function parseInteger(text: string): i64 {
  // strtoll over the whole string: an optional sign, then digits only.
  let i = 0, neg = false;
  if (text.length > 0 && (text.charCodeAt(0) == 45 || text.charCodeAt(0) == 43)) {
    neg = text.charCodeAt(0) == 45;
    i = 1;
  }
  if (i == text.length) return i64.MIN_VALUE;
  let v: i64 = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || v > (i64.MAX_VALUE - 9) / 10) return i64.MIN_VALUE;
    v = v * 10 + (c - 48);
  }
  return neg ? -v : v;
}

/** The parsed value, or i64.MIN_VALUE when the text does not fit the option. */
function parseValue(o: Option, text: string): i64 {
  if (o.parse == YES_NO) {
    const t = text.toLowerCase();
    return t == "yes" ? 1 : t == "no" ? 0 : i64.MIN_VALUE;
  }
  const v = parseInteger(text);
  if (v == i64.MIN_VALUE) return v;
  if ((o.parse == NON_NEGATIVE && v < 0) || (o.parse == POSITIVE && v <= 0)) return i64.MIN_VALUE;
  return v;
}

/**
 * Checks (apply = false) or applies option i's new value: "" when it is (or would be) accepted, else
 * FalkorDB's error text. Config_Option_set's rules: TIMEOUT is refused once TIMEOUT_DEFAULT or
 * TIMEOUT_MAX is set; TIMEOUT_DEFAULT may not exceed a set TIMEOUT_MAX; RESULTSET_SIZE < 0 is unlimited.
 */
export function optionSet(i: i32, ptr: usize, len: i32, apply: bool): string {
  const o = OPTIONS[i];
  const text = String.UTF8.decodeUnsafe(ptr, len);
  if (!o.runtime) return "This configuration parameter cannot be set at run-time";
  const v = parseValue(o, text);
  const failed = "Failed to set config value " + o.name + " to " + text;
  if (v == i64.MIN_VALUE) return failed;
  if (i == TIMEOUT && (OPTIONS[TIMEOUT_DEFAULT].value != 0 || OPTIONS[TIMEOUT_MAX].value != 0)) {
    return "The TIMEOUT configuration parameter is deprecated. Please set TIMEOUT_MAX and TIMEOUT_DEFAULT instead";
  }
  const max = OPTIONS[TIMEOUT_MAX].value;
  if (i == TIMEOUT_DEFAULT && max != 0 && v > max) {
    return "TIMEOUT_DEFAULT configuration parameter cannot be set to a value higher than TIMEOUT_MAX";
  }
  if (i == TIMEOUT_MAX && v != 0 && OPTIONS[TIMEOUT_DEFAULT].value > v) {
    return "TIMEOUT_MAX configuration parameter cannot be set to a value lower than TIMEOUT_DEFAULT";
  }
  if (apply) o.value = i == RESULTSET_SIZE && v < 0 ? UNLIMITED : v;
  return "";
}

/**
 * The timeout a query runs under, in ms (0: none): its own TIMEOUT argument (`given`, -1 when absent),
 * else TIMEOUT_DEFAULT, else TIMEOUT_MAX, else the deprecated TIMEOUT, which bounds only read queries.
 */
export function queryTimeout(given: i64, writes: bool): i64 {
  if (given > 0) return given;
  if (OPTIONS[TIMEOUT_DEFAULT].value > 0) return OPTIONS[TIMEOUT_DEFAULT].value;
  if (OPTIONS[TIMEOUT_MAX].value > 0) return OPTIONS[TIMEOUT_MAX].value;
  return writes ? 0 : OPTIONS[TIMEOUT].value;
}

/** A TIMEOUT argument above a set TIMEOUT_MAX is refused before the query runs. */
export function timeoutAboveMax(given: i64): bool {
  const max = OPTIONS[TIMEOUT_MAX].value;
  return max != 0 && given > max;
}
