// Runs a validated query clause by clause over materialized rows.
import { C_CALL, C_CREATE, C_FOREACH, C_INDEX, C_DELETE, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_SUBQUERY, C_UNWIND, C_WITH, Clause, Query } from "./ast";
import { Ctx } from "./context";
import { evaluate, isTrue } from "./eval";
import { failed } from "./failure";
import { matchPattern, patternVariables } from "./match";
import { procedureIndex, procedureOutputs, runProcedure } from "./procedures";
import { keyOf, project } from "./project";
import { mismatch } from "./functions";
import { runIndex } from "./index-ddl";
import { Row } from "./row";
import { runCreate, runDelete, runMerge, runRemoveOrSet } from "./update";
import { LIST, NULL, NULL_VALUE } from "./value";

/** What a query returns: no columns for a query without RETURN (or final CALL). */
export class Result {
  columns: Array<string> = [];
  rows: Array<Row> = [];
}

function filter(rows: Array<Row>, c: Clause, ctx: Ctx): Array<Row> {
  const where = c.where;
  if (where === null) return rows;
  const out = new Array<Row>();
  for (let i = 0; i < rows.length && !failed(); i++) if (isTrue(where, rows[i], ctx)) out.push(rows[i]);
  return out;
}

function runMatch(c: Clause, rows: Array<Row>, ctx: Ctx): Array<Row> {
  const out = new Array<Row>();
  for (let r = 0; r < rows.length && !failed(); r++) {
    let current = [rows[r]];
    for (let p = 0; p < c.patterns.length && !failed(); p++) {
      const next = new Array<Row>();
      for (let i = 0; i < current.length && !failed(); i++) matchPattern(c.patterns[p], current[i], ctx, next, c.where);
      current = next;
    }
    current = filter(current, c, ctx);
    if (current.length == 0 && c.optional) {
      const row = rows[r].clone();
      const names = new Array<string>();
      for (let p = 0; p < c.patterns.length; p++) patternVariables(c.patterns[p], names);
      for (let i = 0; i < names.length; i++) if (!row.has(names[i])) row.set(names[i], NULL_VALUE);
      out.push(row);
    }
    for (let i = 0; i < current.length; i++) out.push(current[i]);
  }
  return out;
}

function runUnwind(c: Clause, rows: Array<Row>, ctx: Ctx): Array<Row> {
  const out = new Array<Row>();
  for (let r = 0; r < rows.length && !failed(); r++) {
    const v = evaluate(c.exprs[0], rows[r], ctx);
    if (v.kind == NULL) continue;
    if (v.kind != LIST) {
      const row = rows[r].clone();
      row.set(c.alias, v);
      out.push(row);
      continue;
    }
    const items = v.items!;
    for (let i = 0; i < items.length && ctx.tick(); i++) {
      const row = rows[r].clone();
      row.set(c.alias, items[i]);
      out.push(row);
    }
  }
  return out;
}

/** The outputs a CALL binds: those it YIELDs, else all the procedure's. */
export function callOutputs(c: Clause): Array<string> {
  return c.yields.length > 0 ? c.yields : procedureOutputs(procedureIndex(c.procedure, c.exprs.length));
}

function runCall(c: Clause, rows: Array<Row>, ctx: Ctx): Array<Row> {
  const proc = procedureIndex(c.procedure, c.exprs.length);
  const all = procedureOutputs(proc);
  const outputs = callOutputs(c);
  const values = runProcedure(proc, ctx);
  const out = new Array<Row>();
  for (let r = 0; r < rows.length; r++) {
    for (let i = 0; i < values.length; i++) {
      const row = rows[r].clone();
      for (let k = 0; k < outputs.length; k++) row.set(outputs[k], values[i][all.indexOf(outputs[k])]);
      out.push(row);
    }
  }
  return filter(out, c, ctx);
}

/** FOREACH: for each row and each item of the list, the body's updating clauses run on that one row. */
function runForeach(c: Clause, rows: Array<Row>, ctx: Ctx): void {
  for (let r = 0; r < rows.length && !failed(); r++) {
    const list = evaluate(c.exprs[0], rows[r], ctx);
    if (list.kind == NULL) continue;
    if (list.kind != LIST) {
      mismatch("List", list);
      return;
    }
    const items = list.items!;
    for (let i = 0; i < items.length && !failed() && ctx.tick(); i++) {
      const row = rows[r].clone();
      row.set(c.alias, items[i]);
      let body = [row];
      for (let k = 0; k < c.body.length && !failed(); k++) {
        const b = c.body[k];
        if (b.kind == C_CREATE) runCreate(b, body, ctx);
        else if (b.kind == C_MERGE) body = runMerge(b, body, ctx);
        else if (b.kind == C_SET || b.kind == C_REMOVE) runRemoveOrSet(b, body, ctx);
        else if (b.kind == C_DELETE) runDelete(b, body, ctx);
        else runForeach(b, body, ctx);
      }
    }
  }
}

/**
 * CALL {}: its query once per incoming row. A part that starts with WITH imports the row's variables
 * (validation made sure the WITH names only those); the others start from nothing. The rows out are
 * each incoming row joined with each row the query returns, or the incoming rows as they were when the
 * query returns nothing (an updating subquery). GRAPH.PROFILE counts the clause as a whole.
 */
function runSubquery(c: Clause, rows: Array<Row>, ctx: Ctx): Array<Row> {
  const q = c.subquery!;
  const profile = ctx.profile;
  ctx.profile = null;
  const out = new Array<Row>();
  for (let r = 0; r < rows.length && !failed(); r++) {
    const result = execute(q, ctx, rows[r]);
    if (result.columns.length == 0) {
      out.push(rows[r]);
      continue;
    }
    for (let k = 0; k < result.rows.length; k++) {
      const row = rows[r].clone();
      for (let n = 0; n < result.columns.length; n++) row.set(result.columns[n], result.rows[k].get(result.columns[n])!);
      out.push(row);
    }
  }
  ctx.profile = profile;
  return out;
}

/** The row a part starts from: `outer` when it imports variables with a leading WITH. */
function startRow(part: Query, outer: Row): Row {
  return part.clauses.length > 0 && part.clauses[0].kind == C_WITH ? outer : new Row();
}

/**
 * A query and the queries UNIONed to it: their rows one after the other, duplicates dropped for UNION.
 * `outer`: the row of the query around a CALL {}.
 */
export function execute(q: Query, ctx: Ctx, outer: Row = new Row()): Result {
  const result = executePart(q, ctx, startRow(q, outer));
  if (q.unions.length == 0) return result;
  for (let i = 0; i < q.unions.length && !failed(); i++) {
    const part = executePart(q.unions[i], ctx, startRow(q.unions[i], outer));
    for (let r = 0; r < part.rows.length; r++) result.rows.push(part.rows[r]);
  }
  const profile = ctx.profile;
  if (profile !== null) profile.joinedRows = result.rows.length;
  if (!q.unionAll[0]) {
    const seen = new Set<string>();
    const kept = new Array<Row>();
    for (let r = 0; r < result.rows.length; r++) {
      let key = "";
      for (let k = 0; k < result.columns.length; k++) key += keyOf(result.rows[r].get(result.columns[k])!) + "|";
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(result.rows[r]);
    }
    result.rows = kept;
  }
  if (profile !== null) profile.resultRows = result.rows.length;
  return result;
}

function executePart(q: Query, ctx: Ctx, start: Row): Result {
  const result = new Result();
  let rows = [start];
  let scope = start.names.slice(0);
  for (let i = 0; i < q.clauses.length && !failed(); i++) {
    const c = q.clauses[i];
    switch (c.kind) {
      case C_MATCH:
        rows = runMatch(c, rows, ctx);
        for (let p = 0; p < c.patterns.length; p++) patternVariables(c.patterns[p], scope);
        break;
      case C_CREATE:
        runCreate(c, rows, ctx);
        for (let p = 0; p < c.patterns.length; p++) patternVariables(c.patterns[p], scope);
        break;
      case C_MERGE:
        rows = runMerge(c, rows, ctx);
        patternVariables(c.patterns[0], scope);
        break;
      case C_SET: case C_REMOVE: runRemoveOrSet(c, rows, ctx); break;
      case C_INDEX: runIndex(c, ctx); break;
      case C_FOREACH: runForeach(c, rows, ctx); break;
      case C_SUBQUERY: {
        rows = runSubquery(c, rows, ctx);
        const returned = c.subquery!.clauses[c.subquery!.clauses.length - 1];
        if (returned.kind == C_RETURN) for (let k = 0; k < returned.items.length; k++) scope.push(returned.items[k].alias);
        break;
      }
      case C_DELETE: runDelete(c, rows, ctx); break;
      case C_UNWIND:
        rows = runUnwind(c, rows, ctx);
        scope.push(c.alias);
        break;
      case C_CALL: {
        rows = runCall(c, rows, ctx);
        const outputs = callOutputs(c);
        for (let k = 0; k < outputs.length; k++) scope.push(outputs[k]);
        if (i == q.clauses.length - 1) {
          result.columns = outputs;
          result.rows = rows;
        }
        break;
      }
      case C_WITH: case C_RETURN: {
        const p = project(c, rows, scope, ctx);
        rows = p.rows;
        scope = p.columns;
        if (c.kind == C_WITH) rows = filter(rows, c, ctx);
        else {
          result.columns = p.columns;
          result.rows = p.rows;
        }
        break;
      }
    }
    const profile = ctx.profile;
    if (profile !== null) profile.clauseDone(rows.length);
  }
  const profile = ctx.profile;
  if (profile !== null) profile.resultRows = result.rows.length;
  return result;
}
