// Runs a parsed plan over the documents a query matched (RediSearch's result processors, materialized:
// each step takes the whole row list). Output: the rows and the total RediSearch reports (the matched
// documents, or after a GROUPBY the number of groups).
import { clockUs } from "ferrite-sdk";
import { clearEvalError, evalError } from "./eval-error";
import { evaluate } from "./eval";
import { E_PROP, Expr } from "./expr";
import { Plan, S_APPLY, S_FILTER, S_GROUPBY, S_LIMIT, S_LOAD, S_SORTBY, Step } from "./plan";
import { sortKeeps } from "./parse-plan";
import { Reducer } from "./reducers";
import { Row, docRow } from "./row";
import { DocSource } from "./source";
import { NULL_VAL, Val, compareValues, truthy, valueKey } from "./value";

export class Output {
  rows: Array<Row> = [];
  total: i64 = 0;
  error: string = "";
  /** FT.PROFILE: the rows after each step and the µs it took, parallel to the plan's steps. */
  stepRows: Array<i32> = [];
  stepUs: Array<f64> = [];
}

function notLoaded(name: string, out: Output): bool {
  out.error = "Property `" + name + "` not loaded nor in schema";
  return false;
}

function exprProps(e: Expr, names: Array<string>): void {
  if (e.kind == E_PROP) names.push(e.str);
  for (let i = 0; i < e.args.length; i++) exprProps(e.args[i], names);
}

/** RediSearch checks every property a step reads before it runs: loaded, made by a step, or in the schema. */
function checkProperties(plan: Plan, source: DocSource, out: Output): bool {
  const known = new Set<string>();
  let grouped = false, anyField = false;
  for (let s = 0; s < plan.steps.length; s++) {
    const step = plan.steps[s];
    const reads: Array<string> = [];
    if (step.kind == S_GROUPBY || step.kind == S_SORTBY) for (let i = 0; i < step.props.length; i++) reads.push(step.props[i]);
    if (step.kind == S_GROUPBY) {
      for (let i = 0; i < step.reducers.length; i++) {
        const r = step.reducers[i];
        if (r.prop.length > 0) reads.push(r.prop);
        if (r.by.length > 0) reads.push(r.by);
      }
    }
    const e = step.expr;
    if (e !== null) exprProps(e, reads);
    for (let i = 0; i < reads.length; i++) {
      if (!known.has(reads[i]) && (grouped || !(anyField || source.inSchema(reads[i])))) return notLoaded(reads[i], out);
    }
    if (step.kind == S_LOAD) for (let i = 0; i < step.aliases.length; i++) known.add(step.aliases[i]);
    if (step.kind == S_LOAD && step.all) anyField = true;
    if (step.kind == S_APPLY) known.add(step.alias);
    if (step.kind == S_GROUPBY) {
      known.clear();
      grouped = true;
      for (let i = 0; i < step.props.length; i++) known.add(step.props[i]);
      for (let i = 0; i < step.reducers.length; i++) known.add(step.reducers[i].alias);
    }
  }
  return true;
}

function load(step: Step, rows: Array<Row>): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const src = row.source;
    if (src === null) continue;
    if (step.all) {
      const names: Array<string> = [], values: Array<Val> = [];
      src.allFields(row.doc, names, values);
      for (let i = 0; i < names.length; i++) row.set(names[i], values[i]);
      continue;
    }
    for (let i = 0; i < step.props.length; i++) {
      const v = src.field(row.doc, step.props[i]);
      if (v !== null) row.set(step.aliases[i], v);
    }
  }
}

function group(step: Step, rows: Array<Row>): Array<Row> {
  const index = new Map<string, i32>();
  const keys: Array<Array<Val>> = [];
  const states: Array<Array<Reducer>> = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const values: Array<Val> = [];
    let key = "";
    for (let i = 0; i < step.props.length; i++) {
      const found = row.get(step.props[i]);
      const v = found === null ? NULL_VAL : found;
      values.push(v);
      key += valueKey(v) + "\u0001";
    }
    let g: i32;
    if (index.has(key)) g = index.get(key);
    else {
      g = keys.length;
      index.set(key, g);
      keys.push(values);
      const reducers: Array<Reducer> = [];
      for (let i = 0; i < step.reducers.length; i++) reducers.push(new Reducer(step.reducers[i]));
      states.push(reducers);
    }
    const reducers = states[g];
    for (let i = 0; i < reducers.length; i++) reducers[i].add(row);
  }
  const out: Array<Row> = [];
  for (let g = 0; g < keys.length; g++) {
    const row = new Row();
    for (let i = 0; i < step.props.length; i++) row.set(step.props[i], keys[g][i]);
    const reducers = states[g];
    for (let i = 0; i < reducers.length; i++) row.set(step.reducers[i].alias, reducers[i].result());
    out.push(row);
  }
  return out;
}

function compareRows(a: Row, b: Row, step: Step): i32 {
  for (let i = 0; i < step.props.length; i++) {
    const x = a.get(step.props[i]), y = b.get(step.props[i]);
    const c = compareValues(x === null ? NULL_VAL : x, y === null ? NULL_VAL : y);
    if (c != 0) return step.ascending[i] ? c : -c;
  }
  return 0;
}

/** A stable merge sort (Array#sort takes no context). */
function sortRows(rows: Array<Row>, step: Step): Array<Row> {
  if (rows.length < 2) return rows;
  const mid = rows.length >> 1;
  const left = sortRows(rows.slice(0, mid), step), right = sortRows(rows.slice(mid), step);
  const out: Array<Row> = [];
  let i = 0, j = 0;
  while (i < left.length && j < right.length) out.push(compareRows(right[j], left[i], step) < 0 ? right[j++] : left[i++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

/** Evaluates APPLY or FILTER on every row: the rows kept, or null with out.error at the first failure. */
function project(step: Step, rows: Array<Row>, out: Output): Array<Row> | null {
  const kept: Array<Row> = [];
  const e = changetype<Expr>(step.expr);
  for (let r = 0; r < rows.length; r++) {
    clearEvalError();
    const v = evaluate(e, rows[r]);
    if (v === null) {
      out.error = evalError;
      return null;
    }
    if (step.kind == S_APPLY) {
      rows[r].set(step.alias, v);
      kept.push(rows[r]);
    } else if (truthy(v)) kept.push(rows[r]);
  }
  return kept;
}

export function runPlan(plan: Plan, source: DocSource): Output {
  const out = new Output();
  if (!checkProperties(plan, source, out)) return out;
  let rows: Array<Row> = [];
  const n = source.count();
  for (let d = 0; d < n; d++) rows.push(docRow(source, d));
  out.total = n;
  for (let s = 0; s < plan.steps.length; s++) {
    const step = plan.steps[s];
    const t0 = clockUs();
    rows = runStep(plan, s, step, rows, out);
    if (out.error.length > 0) return out;
    out.stepRows.push(rows.length);
    out.stepUs.push(clockUs() - t0);
  }
  out.rows = rows;
  return out;
}

function runStep(plan: Plan, s: i32, step: Step, rows: Array<Row>, out: Output): Array<Row> {
  if (step.kind == S_LOAD) load(step, rows);
  else if (step.kind == S_GROUPBY) {
    rows = group(step, rows);
    out.total = rows.length;
  } else if (step.kind == S_SORTBY) {
    rows = sortRows(rows, step);
    const keep = sortKeeps(plan, s);
    if (rows.length > keep) rows = rows.slice(0, keep);
  } else if (step.kind == S_LIMIT) rows = rows.slice(min(step.offset, rows.length), min(step.offset + step.limit, rows.length));
  else {
    const kept = project(step, rows, out);
    if (kept === null) return rows; // out.error says why
    rows = kept;
  }
  return rows;
}
