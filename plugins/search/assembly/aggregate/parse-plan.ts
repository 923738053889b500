// Reads FT.AGGREGATE's arguments after the index and the query into a Plan, with RediSearch 2.8's
// error texts. Properties are written `@name`; LOAD also takes JSONPaths and plain field names.
import { argIs, argLen, argPtr, parseI64, parsedI64 } from "ferrite-sdk";
import { parseError, parseExpr } from "./expr-parse";
import { DEFAULT_SORT_LIMIT, Plan, S_APPLY, S_FILTER, S_GROUPBY, S_LIMIT, S_LOAD, S_SORTBY, Step } from "./plan";
import { R_COUNT, R_FIRST_VALUE, R_QUANTILE, R_RANDOM_SAMPLE, REDUCER_NAMES, ReduceSpec } from "./reducers";
import { bytesString } from "./value";

/** The first error found, or "". */
export let planError: string = "";

let argv: usize = 0;
let argc: i32 = 0;
let at: i32 = 0;

function fail(text: string): void {
  if (planError.length == 0) planError = text;
}

function arg(i: i32): string { return bytesString(argPtr(argv, i), argLen(argv, i)); }

/** The integer at `at`, moved past, or -1 after failing with "Bad arguments for <what>: …". */
function count(what: string, minimum: i64 = 0): i64 {
  if (at >= argc) {
    fail("Bad arguments for " + what + ": Expected an argument, but none provided");
    return -1;
  }
  if (!parseI64(argPtr(argv, at), argLen(argv, at))) {
    fail("Bad arguments for " + what + ": Could not convert argument to expected type");
    return -1;
  }
  if (parsedI64 < minimum || parsedI64 > 0x7fffffff) {
    fail("Bad arguments for " + what + ": Value is outside acceptable bounds");
    return -1;
  }
  at++;
  return parsedI64;
}

/** `@name` → name, or "" after failing with Redisearch's hint. */
function property(what: string, text: string): string {
  if (text.length > 1 && text.charCodeAt(0) == 64) return text.substring(1);
  fail("Bad arguments for " + what + ": Unknown property `" + text + "`. Did you mean `@" + text + "`?");
  return "";
}

function loadStep(): Step | null {
  const step = new Step();
  step.kind = S_LOAD;
  if (at < argc && argIs(argv, at, "*")) {
    at++;
    step.all = true;
    return step;
  }
  const n = count("LOAD");
  if (n < 0) return null;
  if (at + <i32>n > argc) { fail("Bad arguments for LOAD: Not enough arguments were provided"); return null; }
  const end = at + <i32>n;
  while (at < end) {
    const text = arg(at++);
    const name = text.length > 1 && text.charCodeAt(0) == 64 ? text.substring(1) : text;
    let alias = name;
    if (at < end && argIs(argv, at, "AS")) {
      if (at + 1 >= end) { fail("Bad arguments for LOAD: AS needs a name"); return null; }
      alias = arg(at + 1);
      at += 2;
    }
    step.props.push(name);
    step.aliases.push(alias);
  }
  return step;
}

function reducerKind(name: string): i32 {
  const upper = name.toUpperCase();
  for (let i = 0; i < REDUCER_NAMES.length; i++) if (REDUCER_NAMES[i] == upper) return i;
  return -1;
}

/** REDUCE name nargs args... [AS alias], `at` just past REDUCE. */
function reduceClause(): ReduceSpec | null {
  if (at >= argc) { fail("Bad arguments for REDUCE: Expected an argument, but none provided"); return null; }
  const name = arg(at++);
  const kind = reducerKind(name);
  if (kind < 0) { fail("No such reducer `" + name + "`"); return null; }
  const n = count(name);
  if (n < 0) return null;
  if (at + <i32>n > argc) { fail("Bad arguments for " + name + ": Not enough arguments were provided"); return null; }
  const spec = new ReduceSpec();
  spec.kind = kind;
  const args: Array<string> = [];
  for (let i = 0; i < <i32>n; i++) args.push(arg(at++));
  const expected = kind == R_COUNT ? 0 : kind == R_QUANTILE || kind == R_RANDOM_SAMPLE ? 2 : 1;
  if (kind == R_FIRST_VALUE ? (args.length != 1 && args.length != 3 && args.length != 4) : args.length != expected) {
    if (kind == R_COUNT) { fail("Count accepts 0 values only"); return null; }
    { fail("Bad arguments for " + name + ": Expected " + expected.toString() + " arguments, got " + args.length.toString()); return null; }
  }
  if (kind != R_COUNT) {
    spec.prop = property(name, args[0]);
    if (spec.prop.length == 0) return null;
  }
  if (kind == R_FIRST_VALUE && args.length > 1) {
    if (args[1].toUpperCase() != "BY") { fail("Bad arguments for FIRST_VALUE: Unknown argument `" + args[1] + "`"); return null; }
    spec.by = property(name, args[2]);
    if (spec.by.length == 0) return null;
    if (args.length == 4) {
      const dir = args[3].toUpperCase();
      if (dir != "ASC" && dir != "DESC") { fail("Bad arguments for FIRST_VALUE: Unknown argument `" + args[3] + "`"); return null; }
      spec.ascending = dir == "ASC";
    }
  }
  if (kind == R_QUANTILE || kind == R_RANDOM_SAMPLE) {
    const p = parseFloat(args[1]);
    if (isNaN(p) || (kind == R_QUANTILE ? p < 0 || p > 1 : p < 1 || p > 1000 || p != Math.floor(p))) {
      { fail(kind == R_QUANTILE ? "Quantile must be between 0.0 and 1.0" : "Bad arguments for RANDOM_SAMPLE: Value is outside acceptable bounds"); return null; }
    }
    spec.param = p;
  }
  // The generated name: RediSearch's "__generated_alias" + reducer + arguments without '@', lower case.
  let alias = "__generated_alias" + name.toLowerCase();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    alias += (i > 0 ? "," : "") + (a.charCodeAt(0) == 64 ? a.substring(1) : a).toLowerCase();
  }
  if (at + 1 < argc && argIs(argv, at, "AS")) {
    alias = arg(at + 1);
    at += 2;
  }
  spec.alias = alias;
  return spec;
}

function groupStep(): Step | null {
  const step = new Step();
  step.kind = S_GROUPBY;
  const n = count("GROUPBY");
  if (n < 0) return null;
  if (at + <i32>n > argc) { fail("Bad arguments for GROUPBY: Not enough arguments were provided"); return null; }
  for (let i = 0; i < <i32>n; i++) {
    const p = property("GROUPBY", arg(at++));
    if (p.length == 0) return null;
    step.props.push(p);
  }
  while (at < argc && argIs(argv, at, "REDUCE")) {
    at++;
    const r = reduceClause();
    if (r === null) return null;
    step.reducers.push(r);
  }
  return step;
}

function sortStep(): Step | null {
  const step = new Step();
  step.kind = S_SORTBY;
  const n = count("SORTBY", 1);
  if (n < 0) return null;
  if (at + <i32>n > argc) { fail("Bad arguments for SORTBY: Not enough arguments were provided"); return null; }
  const end = at + <i32>n;
  while (at < end) {
    if (argIs(argv, at, "MAX") && at + 2 == end) break; // node-redis counts MAX and its value in nargs
    const p = property("SORTBY", arg(at++));
    if (p.length == 0) return null;
    let asc = true;
    if (at < end && (argIs(argv, at, "ASC") || argIs(argv, at, "DESC"))) asc = argIs(argv, at++, "ASC");
    step.props.push(p);
    step.ascending.push(asc);
  }
  if (at < argc && argIs(argv, at, "MAX")) {
    at++;
    const max = count("MAX");
    if (max < 0) return null;
    step.max = <i32>max;
  }
  return step;
}

function exprStep(kind: i32): Step | null {
  const what = kind == S_APPLY ? "APPLY" : "FILTER";
  if (at >= argc) { fail("Bad arguments for " + what + ": Expected an argument, but none provided"); return null; }
  const step = new Step();
  step.kind = kind;
  const text = arg(at++);
  step.expr = parseExpr(text);
  if (step.expr === null) { fail(parseError); return null; }
  if (kind == S_APPLY) {
    step.alias = text; // without AS, the expression names its own output
    if (at < argc && argIs(argv, at, "AS")) {
      if (at + 1 >= argc) { fail("Bad arguments for APPLY: AS needs a name"); return null; }
      step.alias = arg(at + 1);
      at += 2;
    }
  }
  return step;
}

function limitStep(): Step | null {
  const step = new Step();
  step.kind = S_LIMIT;
  const offset = count("LIMIT");
  if (offset < 0) return null;
  const limit = count("LIMIT");
  if (limit < 0) return null;
  if (offset + limit > 1000000) { fail("LIMIT exceeds maximum of 1000000"); return null; }
  step.offset = <i32>offset;
  step.limit = <i32>limit;
  return step;
}

function cursorOptions(plan: Plan): bool {
  plan.withCursor = true;
  while (at < argc) {
    if (argIs(argv, at, "COUNT")) {
      at++;
      const n = count("WITHCURSOR", 0);
      if (n < 0) return false;
      plan.cursorCount = <i32>n;
    } else if (argIs(argv, at, "MAXIDLE")) {
      at++;
      const n = count("WITHCURSOR", 0);
      if (n < 0) return false;
      plan.maxIdle = n;
    } else break;
  }
  return true;
}

/** Arguments `from`..argc-1 of FT.AGGREGATE as a plan, or null with planError set. */
export function parsePlan(args: usize, n: i32, from: i32): Plan | null {
  argv = args;
  argc = n;
  at = from;
  planError = "";
  const plan = new Plan();
  while (at < argc) {
    let step: Step | null = null;
    const word = at;
    at++;
    if (argIs(argv, word, "LOAD")) {
      step = loadStep();
      if (step !== null) for (let i = 0; i < plan.steps.length; i++) {
        const k = plan.steps[i].kind;
        if (k == S_GROUPBY || k == S_APPLY) { fail("LOAD cannot be applied after projectors or reducers"); return null; }
      }
    } else if (argIs(argv, word, "GROUPBY")) step = groupStep();
    else if (argIs(argv, word, "SORTBY")) step = sortStep();
    else if (argIs(argv, word, "APPLY")) step = exprStep(S_APPLY);
    else if (argIs(argv, word, "FILTER")) step = exprStep(S_FILTER);
    else if (argIs(argv, word, "LIMIT")) step = limitStep();
    else if (argIs(argv, word, "WITHCURSOR")) {
      if (!cursorOptions(plan)) return null;
      continue;
    } else if (argIs(argv, word, "VERBATIM")) {
      plan.verbatim = true;
      continue;
    } else if (argIs(argv, word, "ADDSCORES")) {
      plan.addScores = true;
      continue;
    } else if (argIs(argv, word, "TIMEOUT")) {
      const t = count("TIMEOUT");
      if (t < 0) return null;
      plan.timeoutMs = t;
      continue;
    } else if (argIs(argv, word, "DIALECT")) {
      const d = count("DIALECT", 0);
      if (d < 0) return null;
      if (d < 1 || d > 4) { fail("DIALECT requires a non negative integer >=1 and <= 4"); return null; }
      plan.dialect = <i32>d;
      continue;
    } else if (argIs(argv, word, "PARAMS")) {
      const p = count("PARAMS", 0);
      if (p < 0) return null;
      if (p % 2 != 0 || p == 0) { fail("Bad arguments for PARAMS: Expected even number of arguments"); return null; }
      if (at + <i32>p > argc) { fail("Bad arguments for PARAMS: Not enough arguments were provided"); return null; }
      plan.paramsAt = at;
      plan.paramPairs = <i32>p >> 1;
      at += <i32>p;
      continue;
    } else { fail("Unknown argument `" + arg(word) + "`"); return null; }
    if (step === null) return null;
    plan.steps.push(step);
  }
  return plan;
}

/** The rows a SORTBY step keeps: MAX, else offset + limit of a LIMIT right after it, else RediSearch's 10. */
export function sortKeeps(plan: Plan, i: i32): i32 {
  const step = plan.steps[i];
  if (step.max >= 0) return step.max;
  if (i + 1 < plan.steps.length && plan.steps[i + 1].kind == S_LIMIT) return plan.steps[i + 1].offset + plan.steps[i + 1].limit;
  return DEFAULT_SORT_LIMIT;
}
