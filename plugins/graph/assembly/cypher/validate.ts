// Checks made before a query runs, as FalkorDB's AST validation makes them: clause order, known
// functions and procedures, variables defined before use, aggregates only in projections.
import {
  C_CALL, C_CREATE, C_DELETE, C_FOREACH, C_INDEX, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_SUBQUERY, C_UNWIND, C_WITH, Clause, E_CALL, E_COUNT_STAR,
  E_LIST_COMP, E_PATTERN, E_PATTERN_COMP, E_SHORTEST, E_VAR, Expr, PathPattern, Query, SetItem,
} from "./ast";
import { fail, failed } from "./failure";
import { AGGREGATES, checkCall } from "./functions";
import { patternVariables } from "./match";
import { procedureIndex, procedureOutputs } from "./procedures";
import { checkCreatable } from "./update";

const CLAUSE_NAMES = ["MATCH", "CREATE", "MERGE", "SET", "DELETE", "WITH", "RETURN", "UNWIND", "CALL", "REMOVE", "CREATE INDEX", "FOREACH", "CALL SUBQUERY"];

export function isWriteClause(kind: i32): bool {
  return kind == C_CREATE || kind == C_MERGE || kind == C_SET || kind == C_DELETE || kind == C_REMOVE || kind == C_INDEX || kind == C_FOREACH;
}

export function isWriteQuery(q: Query): bool {
  for (let i = 0; i < q.clauses.length; i++) {
    const c = q.clauses[i];
    if (isWriteClause(c.kind) || (c.kind == C_SUBQUERY && isWriteQuery(c.subquery!))) return true;
  }
  for (let i = 0; i < q.unions.length; i++) if (isWriteQuery(q.unions[i])) return true;
  return false;
}

function checkExpr(e: Expr | null, scope: Array<string>, aggregatesAllowed: bool): void {
  if (e === null || failed()) return;
  if (e.kind == E_LIST_COMP) {
    checkExpr(e.args[0], scope, aggregatesAllowed);
    const local = scope.slice(0);
    local.push(e.name);
    checkExpr(e.args[1], local, false);
    checkExpr(e.args[2], local, false);
    return;
  }
  if (e.kind == E_PATTERN || e.kind == E_PATTERN_COMP || e.kind == E_SHORTEST) {
    // a pattern in an expression may name new variables; they are seen only inside it
    const local = scope.slice(0);
    checkPattern(e.pattern!, local);
    patternVariables(e.pattern!, local);
    for (let i = 0; i < e.args.length; i++) checkExpr(e.args[i], local, false);
    return;
  }
  if (e.kind == E_VAR && !scope.includes(e.name)) {
    fail("'" + e.name + "' not defined");
    return;
  }
  if (e.kind == E_CALL || e.kind == E_COUNT_STAR) {
    const aggregate = e.kind == E_COUNT_STAR || AGGREGATES.includes(e.name);
    if (aggregate && !aggregatesAllowed) {
      fail("Invalid use of aggregating function '" + e.name + "'");
      return;
    }
    if (e.kind == E_CALL && !checkCall(e.name, e.args.length)) return;
    if (aggregate) {
      for (let i = 0; i < e.args.length; i++) checkExpr(e.args[i], scope, false);
      if (failed() && e.args.length > 0) return;
      return;
    }
  }
  for (let i = 0; i < e.args.length; i++) checkExpr(e.args[i], scope, aggregatesAllowed);
}

function checkPattern(p: PathPattern, scope: Array<string>): void {
  // Inline property maps may use variables bound earlier, in this pattern too.
  const local = scope.slice(0);
  patternVariables(p, local);
  for (let i = 0; i < p.nodes.length; i++) checkExpr(p.nodes[i].props, local, false);
  for (let i = 0; i < p.rels.length; i++) checkExpr(p.rels[i].props, local, false);
}

/** FOREACH's body sees the variables before it and its own; what it creates stays inside. */
function checkForeach(c: Clause, scope: Array<string>): void {
  checkExpr(c.exprs[0], scope, false);
  const local = scope.slice(0);
  local.push(c.alias);
  for (let i = 0; i < c.body.length && !failed(); i++) {
    const b = c.body[i];
    if (b.kind == C_CREATE || b.kind == C_MERGE) {
      for (let p = 0; p < b.patterns.length; p++) {
        if (!checkCreatable(b.patterns[p], b.kind == C_CREATE ? "CREATE" : "MERGE")) return;
        checkPattern(b.patterns[p], local);
        patternVariables(b.patterns[p], local);
      }
      if (b.kind == C_MERGE) {
        checkSets(b.onCreate, local);
        checkSets(b.onMatch, local);
      }
    } else if (b.kind == C_SET || b.kind == C_REMOVE) checkSets(b.sets, local);
    else if (b.kind == C_DELETE) for (let e = 0; e < b.exprs.length; e++) checkExpr(b.exprs[e], local, false);
    else if (b.kind == C_FOREACH) checkForeach(b, local);
  }
}

function checkSets(items: Array<SetItem>, scope: Array<string>): void {
  for (let i = 0; i < items.length && !failed(); i++) {
    if (!scope.includes(items[i].variable)) fail("'" + items[i].variable + "' not defined");
    checkExpr(items[i].expr, scope, false);
  }
}

/** The RETURN column names of a query part ("" for a part that does not end with RETURN). */
function returnColumns(q: Query): string {
  if (q.clauses.length == 0) return "";
  const last = q.clauses[q.clauses.length - 1];
  if (last.kind != C_RETURN) return "";
  let names = "";
  for (let i = 0; i < last.items.length; i++) names += last.items[i].alias + "\u0000";
  return names;
}

/**
 * Whether CALL {}'s query (or one of its UNION parts) starts with a WITH that imports outer variables;
 * fails with FalkorDB's text when that WITH projects anything but plain outer variables.
 */
export function importsVariables(part: Query, outer: Array<string>): bool {
  if (part.clauses.length == 0 || part.clauses[0].kind != C_WITH) return false;
  const w = part.clauses[0];
  for (let i = 0; i < w.items.length; i++) {
    const e = w.items[i].expr;
    if (e.kind != E_VAR || w.items[i].alias != e.name || !outer.includes(e.name)) {
      // an unknown name is the usual error; a computed item is CALL {}'s
      if (e.kind == E_VAR && w.items[i].alias == e.name) fail("'" + e.name + "' not defined");
      else fail("WITH imports in CALL {} must consist of only simple references to outside variables");
      return false;
    }
  }
  return true;
}

/** The RETURN columns of a CALL {} join the outer scope; none may be declared there already. */
function checkSubquery(c: Clause, scope: Array<string>): void {
  const q = c.subquery!;
  validate(q, scope);
  const returned = returnColumns(q);
  if (failed() || returned == "") return;
  const names = returned.split("\u0000");
  for (let i = 0; i < names.length - 1; i++) {
    if (scope.includes(names[i])) {
      fail("Variable `" + names[i] + "` already declared in outer scope");
      return;
    }
    scope.push(names[i]);
  }
}

/**
 * Every part of a UNION checked alone, then together: one kind of UNION, the same RETURN columns.
 * `outer`: the variables of the query around a CALL {} (a part sees them through an importing WITH).
 */
export function validate(q: Query, outer: Array<string> = []): void {
  validatePart(q, outer);
  if (q.unions.length == 0 || failed()) return;
  for (let i = 1; i < q.unionAll.length; i++) {
    if (q.unionAll[i] != q.unionAll[0]) {
      fail("Invalid combination of UNION and UNION ALL.");
      return;
    }
  }
  let returns = returnColumns(q) != "" ? 1 : 0;
  for (let i = 0; i < q.unions.length && !failed(); i++) {
    validatePart(q.unions[i], outer);
    if (returnColumns(q.unions[i]) != "") returns++;
  }
  if (failed()) return;
  if (returns != q.unions.length + 1) {
    fail("Found " + q.unions.length.toString() + " UNION clauses but only " + returns.toString() + " RETURN clauses.");
    return;
  }
  for (let i = 0; i < q.unions.length; i++) {
    if (returnColumns(q.unions[i]) != returnColumns(q)) {
      fail("All sub queries in a UNION must have the same column names.");
      return;
    }
  }
}

function validatePart(q: Query, outer: Array<string>): void {
  const clauses = q.clauses;
  if (clauses.length == 0) return;
  let scope = outer.length > 0 && importsVariables(q, outer) ? outer.slice(0) : new Array<string>();
  if (failed()) return;
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i].kind == C_INDEX && clauses.length > 1) {
      fail("Error: query with more than one statement is not supported.");
      return;
    }
  }
  for (let i = 0; i < clauses.length && !failed(); i++) {
    const c = clauses[i];
    if (c.kind == C_RETURN && i != clauses.length - 1) {
      fail("Unexpected clause following RETURN");
      return;
    }
    if (c.kind == C_MATCH || c.kind == C_CREATE || c.kind == C_MERGE) {
      for (let p = 0; p < c.patterns.length; p++) {
        if (c.kind != C_MATCH && !checkCreatable(c.patterns[p], c.kind == C_CREATE ? "CREATE" : "MERGE")) return;
        checkPattern(c.patterns[p], scope);
        patternVariables(c.patterns[p], scope);
      }
      checkExpr(c.where, scope, false);
      if (c.kind == C_MERGE) {
        checkSets(c.onCreate, scope);
        checkSets(c.onMatch, scope);
      }
    } else if (c.kind == C_SET || c.kind == C_REMOVE) checkSets(c.sets, scope);
    else if (c.kind == C_DELETE) for (let e = 0; e < c.exprs.length; e++) checkExpr(c.exprs[e], scope, false);
    else if (c.kind == C_FOREACH) checkForeach(c, scope);
    else if (c.kind == C_SUBQUERY) checkSubquery(c, scope);
    else if (c.kind == C_UNWIND) {
      checkExpr(c.exprs[0], scope, false);
      scope.push(c.alias);
    } else if (c.kind == C_CALL) {
      const proc = procedureIndex(c.procedure, c.exprs.length);
      if (proc < 0) return;
      const outputs = procedureOutputs(proc);
      for (let y = 0; y < c.yields.length; y++) {
        if (!outputs.includes(c.yields[y])) {
          fail("Procedure `" + c.procedure + "` does not yield output `" + c.yields[y] + "`");
          return;
        }
      }
      const bound = c.yields.length > 0 ? c.yields : outputs;
      for (let k = 0; k < bound.length; k++) scope.push(bound[k]);
      checkExpr(c.where, scope, false);
    } else if (c.kind == C_WITH || c.kind == C_RETURN) {
      for (let it = 0; it < c.items.length; it++) checkExpr(c.items[it].expr, scope, true);
      const next = c.star ? scope.slice(0) : new Array<string>();
      for (let it = 0; it < c.items.length; it++) {
        if (c.kind == C_WITH && c.items[it].expr.kind != E_VAR && c.items[it].alias == c.items[it].expr.text) {
          fail("WITH clause projections must be aliased");
          return;
        }
        next.push(c.items[it].alias);
      }
      // ORDER BY sees both the incoming variables and the aliases.
      const orderScope = scope.slice(0);
      for (let n = 0; n < next.length; n++) orderScope.push(next[n]);
      for (let o = 0; o < c.order.length; o++) checkExpr(c.order[o], orderScope, true);
      scope = next;
      checkExpr(c.where, scope, false);
    }
  }
  if (failed()) return;
  const last = clauses[clauses.length - 1];
  const returningSubquery = last.kind == C_SUBQUERY && returnColumns(last.subquery!) != "";
  if (last.kind == C_MATCH || last.kind == C_WITH || last.kind == C_UNWIND || returningSubquery) {
    fail("Query cannot conclude with " + CLAUSE_NAMES[last.kind] + " (must be a RETURN clause, an update clause, a procedure call or a non-returning subquery)");
  }
}

