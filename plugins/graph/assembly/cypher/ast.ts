// The parsed query: expressions, patterns and clauses (managed objects, dropped with the command).
import { V } from "./value";

export const E_LIT = 0;
export const E_PARAM = 1;
export const E_VAR = 2;
export const E_PROP = 3;
export const E_LIST = 4;
export const E_MAP = 5;
export const E_CALL = 6;
export const E_BIN = 7;
export const E_NOT = 8;
export const E_NEG = 9;
export const E_IS_NULL = 10;
export const E_INDEX = 11;
export const E_SLICE = 12;
export const E_HAS_LABELS = 13;
export const E_CASE = 14;
export const E_COUNT_STAR = 15;
/** [x IN list WHERE pred | expr]: name is x; args: list, pred (or null), expr (or null). */
export const E_LIST_COMP = 16;
/** A pattern as a predicate, (a)-[:R]->(): true when it matches. */
export const E_PATTERN = 17;
/** [(a)-[:R]->(b) WHERE pred | expr]: args: pred (or null), expr. */
export const E_PATTERN_COMP = 18;
/** shortestPath((a)-[:R*]->(b)) in an expression. */
export const E_SHORTEST = 19;
/** n {.p, k: expr, v, .*}: args[0] the subject, then one value per key (null for `.*`, keyed "*"). */
export const E_MAP_PROJECTION = 20;

export class Expr {
  kind: i32;
  /** Operator (E_BIN), variable, parameter, property or lower-cased function name. */
  name: string = "";
  value: V | null = null;
  /** Operands, list items, map values, call arguments; CASE: subject (or null), then when/then pairs, then else. */
  args: Array<Expr | null> = [];
  /** Map keys; labels of E_HAS_LABELS. */
  keys: Array<string> = [];
  /** DISTINCT in an aggregate call; IS NOT NULL; a CASE with a subject. */
  flag: bool = false;
  /** The source text, for unaliased column names. */
  text: string = "";
  /** E_PATTERN, E_PATTERN_COMP, E_SHORTEST: the pattern. */
  pattern: PathPattern | null = null;

  constructor(kind: i32) { this.kind = kind; }

  arg(i: i32): Expr { return this.args[i]!; }
}

export class NodePattern {
  variable: string = "";
  labels: Array<string> = [];
  props: Expr | null = null;
}

export const DIR_OUT = 1;
export const DIR_IN = -1;
export const DIR_BOTH = 0;

export class RelPattern {
  variable: string = "";
  types: Array<string> = [];
  props: Expr | null = null;
  dir: i32 = DIR_BOTH;
  varLength: bool = false;
  minHops: i32 = 1;
  /** -1: unbounded. */
  maxHops: i32 = 1;
}

/** PathPattern.shortest: a plain pattern, or allShortestPaths(…) in MATCH. */
export const ALL_SHORTEST = 1;

export class PathPattern {
  variable: string = "";
  shortest: i32 = 0;
  /** GRAPH.PROFILE: the first of this pattern's count slots (one per node pattern), -1 when not profiled. */
  profileSlot: i32 = -1;
  nodes: Array<NodePattern> = [];
  rels: Array<RelPattern> = [];
}

export class ProjectionItem {
  expr: Expr;
  alias: string;
  constructor(expr: Expr, alias: string) {
    this.expr = expr;
    this.alias = alias;
  }
}

export const SET_PROPERTY = 0; // n.p = e
export const SET_REPLACE = 1; // n = {map}
export const SET_MERGE = 2; // n += {map}
export const SET_LABELS = 3; // n:L
export const REMOVE_PROPERTY = 4; // REMOVE n.p
export const REMOVE_LABELS = 5; // REMOVE n:L

export class SetItem {
  kind: i32;
  variable: string = "";
  property: string = "";
  labels: Array<string> = [];
  expr: Expr | null = null;
  constructor(kind: i32) { this.kind = kind; }
}

export const C_MATCH = 0;
export const C_CREATE = 1;
export const C_MERGE = 2;
export const C_SET = 3;
export const C_DELETE = 4;
export const C_WITH = 5;
export const C_RETURN = 6;
export const C_UNWIND = 7;
export const C_CALL = 8;
export const C_REMOVE = 9;
/** CREATE INDEX / DROP INDEX: a query of its own. */
export const C_INDEX = 10;
/** FOREACH (x IN list | updating clauses): alias, exprs[0], body. */
export const C_FOREACH = 11;
/** CALL { query }: the query in `subquery`, run once per incoming row. */
export const C_SUBQUERY = 12;

export class Clause {
  kind: i32;
  optional: bool = false;
  patterns: Array<PathPattern> = [];
  where: Expr | null = null;
  // WITH / RETURN
  star: bool = false;
  distinct: bool = false;
  items: Array<ProjectionItem> = [];
  order: Array<Expr> = [];
  descending: Array<bool> = [];
  skip: Expr | null = null;
  limit: Expr | null = null;
  // SET / REMOVE, MERGE's ON CREATE / ON MATCH
  sets: Array<SetItem> = [];
  onCreate: Array<SetItem> = [];
  onMatch: Array<SetItem> = [];
  // DELETE
  detach: bool = false;
  exprs: Array<Expr> = [];
  // UNWIND expr AS alias; CALL name(args) YIELD names
  alias: string = "";
  procedure: string = "";
  yields: Array<string> = [];
  // CREATE / DROP INDEX: on label `indexLabel`, properties `indexProps`
  indexDrop: bool = false;
  /** CREATE / DROP INDEX FOR ()-[r:R]-() …: indexLabel is a relationship type. */
  indexOnEdges: bool = false;
  indexLabel: string = "";
  indexProps: Array<string> = [];
  /** FOREACH's updating clauses. */
  body: Array<Clause> = [];
  /** CALL {}'s query. */
  subquery: Query | null = null;

  constructor(kind: i32) { this.kind = kind; }
}

export class Query {
  clauses: Array<Clause> = [];
  /** Parameters from the CYPHER prefix. */
  paramNames: Array<string> = [];
  paramValues: Array<Expr> = [];
  /** Queries joined to this one by UNION (unionAll[i] for UNION ALL). */
  unions: Array<Query> = [];
  unionAll: Array<bool> = [];
  /** The query's text, CYPHER prefix included (for GRAPH.SLOWLOG). */
  text: string = "";
  /** Where the query proper starts in the text, after the CYPHER prefix (0 without one). */
  bodyStart: i32 = 0;
}
