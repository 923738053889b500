// FT.CONFIG's options (RediSearch 2.8's RSGlobalConfig as FT.CONFIG GET * lists it): names, values as
// text, and which may change at run time. Numbers other parts read go through configNumber.
import { bytesString } from "../aggregate/value";

class Option {
  name: string;
  value: string;
  /** Settable at run time; the others answer "Not modifiable at runtime". */
  mutable: bool;
  /** The least value a numeric option takes, or -1 for an option that is not a number. */
  minimum: i64;
  /** An enum option's values (lower case), or none. */
  choices: Array<string>;

  constructor(name: string, value: string, mutable: bool, minimum: i64, choices: Array<string> = []) {
    this.name = name;
    this.value = value;
    this.mutable = mutable;
    this.minimum = minimum;
    this.choices = choices;
  }
}

const OPTIONS: Array<Option> = [
  new Option("EXTLOAD", "", false, -1),
  new Option("SAFEMODE", "true", false, -1),
  new Option("CONCURRENT_WRITE_MODE", "false", false, -1),
  new Option("NOGC", "false", false, -1),
  new Option("MINPREFIX", "2", true, 1),
  new Option("FORKGC_SLEEP_BEFORE_EXIT", "0", true, 0),
  new Option("MAXDOCTABLESIZE", "1000000", false, 0),
  new Option("MAXSEARCHRESULTS", "1000000", true, 0),
  new Option("MAXAGGREGATERESULTS", "unlimited", true, -1),
  new Option("MAXEXPANSIONS", "200", true, 1),
  new Option("MAXPREFIXEXPANSIONS", "200", true, 1),
  new Option("TIMEOUT", "500", true, 0),
  new Option("INDEX_THREADS", "8", false, 0),
  new Option("SEARCH_THREADS", "20", false, 0),
  new Option("FRISOINI", "", false, -1),
  new Option("ON_TIMEOUT", "return", true, -1, ["return", "fail"]),
  new Option("GCSCANSIZE", "100", true, 1),
  new Option("MIN_PHONETIC_TERM_LEN", "3", true, 1),
  new Option("GC_POLICY", "fork", false, -1),
  new Option("FORK_GC_RUN_INTERVAL", "30", true, 1),
  new Option("FORK_GC_CLEAN_THRESHOLD", "100", true, 0),
  new Option("FORK_GC_RETRY_INTERVAL", "5", true, 1),
  new Option("FORK_GC_CLEAN_NUMERIC_EMPTY_NODES", "true", true, -1, ["true", "false"]),
  new Option("_MAX_RESULTS_TO_UNSORTED_MODE", "1000", true, 1),
  new Option("UNION_ITERATOR_HEAP", "20", true, 1),
  new Option("CURSOR_MAX_IDLE", "300000", true, 1),
  new Option("NO_MEM_POOLS", "false", false, -1),
  new Option("PARTIAL_INDEXED_DOCS", "false", false, -1),
  new Option("UPGRADE_INDEX", "Upgrade config for upgrading", false, -1),
  new Option("_NUMERIC_COMPRESS", "false", true, -1, ["true", "false"]),
  new Option("_FREE_RESOURCE_ON_THREAD", "true", true, -1, ["true", "false"]),
  new Option("_PRINT_PROFILE_CLOCK", "true", true, -1, ["true", "false"]),
  new Option("RAW_DOCID_ENCODING", "false", false, -1),
  new Option("_NUMERIC_RANGES_PARENTS", "0", true, 0),
  new Option("DEFAULT_DIALECT", "1", true, 1),
  new Option("VSS_MAX_RESIZE", "0", true, 0),
  new Option("WORKERS", "0", true, 0),
  new Option("MIN_OPERATION_WORKERS", "4", true, 0),
  new Option("TIERED_HNSW_BUFFER_LIMIT", "1024", false, 0),
];

export function optionCount(): i32 { return OPTIONS.length; }
export function optionName(i: i32): string { return OPTIONS[i].name; }
export function optionValue(i: i32): string { return OPTIONS[i].value; }

/** The option named (case-insensitively) by the bytes, or -1. */
export function optionIndex(ptr: usize, len: i32): i32 {
  const name = bytesString(ptr, len).toUpperCase();
  for (let i = 0; i < OPTIONS.length; i++) if (OPTIONS[i].name == name) return i;
  return -1;
}

/** Sets option i from the bytes: "" on success, else RediSearch's error text. */
export function optionSet(i: i32, ptr: usize, len: i32): string {
  const o = OPTIONS[i];
  if (!o.mutable) return "Not modifiable at runtime";
  const text = bytesString(ptr, len);
  if (o.choices.length > 0) {
    const lower = text.toLowerCase();
    if (!o.choices.includes(lower)) return "Invalid " + o.name + " value";
    o.value = lower;
    return "";
  }
  if (o.name == "MAXAGGREGATERESULTS" && text.toLowerCase() == "unlimited") {
    o.value = "unlimited";
    return "";
  }
  const n = I64.parseInt(text);
  if (text.length == 0 || n.toString() != text || n < o.minimum) return "Invalid value for `" + o.name + "`";
  if (o.name == "DEFAULT_DIALECT" && n > 4) return "DEFAULT_DIALECT requires a value between 1 and 4";
  o.value = text;
  return "";
}

/** Whether a text option's value is `value` (values are kept lower-case). */
export function configIs(name: string, value: string): bool {
  for (let i = 0; i < OPTIONS.length; i++) if (OPTIONS[i].name == name) return OPTIONS[i].value == value;
  return false;
}

/** A numeric option's value (`unlimited` reads as -1), for the parts of the plugin that obey it. */
export function configNumber(name: string): i64 {
  for (let i = 0; i < OPTIONS.length; i++) {
    if (OPTIONS[i].name == name) return OPTIONS[i].value == "unlimited" ? -1 : I64.parseInt(OPTIONS[i].value);
  }
  return -1;
}
