// The parsed query: a tree of nodes in the command's scratch arena (scratch.ts), which the executor
// (execute.ts) evaluates into result sets and FT.EXPLAIN prints (explain.ts).
import { scratchZeroed } from "../scratch";

export const Q_EMPTY: i32 = 0;      // matches nothing (a stopword alone; an unknown term)
export const Q_TERM: i32 = 1;       // str: a lower-cased term, with its stem's postings unless `verbatim`
export const Q_PREFIX: i32 = 2;     // str: terms starting with it (`foo*`)
export const Q_PHRASE: i32 = 3;     // children: Q_TERM in order, adjacent (`"a b"`)
export const Q_AND: i32 = 4;        // children
export const Q_OR: i32 = 5;         // children
export const Q_NOT: i32 = 6;        // child: every document but its matches
export const Q_OPTIONAL: i32 = 7;   // child: adds score where it matches, filters nothing
export const Q_TAG: i32 = 8;        // field; children: Q_TAGVAL
export const Q_TAGVAL: i32 = 9;     // str: one tag value (normalized); `prefix` for `foo*`
export const Q_NUMERIC: i32 = 10;   // field; min, max, minExclusive, maxExclusive
export const Q_GEO: i32 = 11;       // field; lon, lat, radius (meters)
export const Q_WILDCARD: i32 = 12;  // every document (`*`)
/**
 * Vector nodes: parsed here, executed by vector-field.ts (vectorQuery), with the filter's result set.
 * Q_KNN: field, k (in `max`), the query vector (str: the PARAMS value), `child` the filter (0 = `*`),
 * efRuntime (in `radius`, 0 = the field's), the score's name (`alias`). Q_VECTOR_RANGE: field, radius
 * (in `max`), the query vector (str).
 */
export const Q_KNN: i32 = 13;
export const Q_VECTOR_RANGE: i32 = 14;
/** str: a lower-cased term; every indexed term within `max` (1–3) Levenshtein edits matches (`%term%`). */
export const Q_FUZZY: i32 = 15;

/** All TEXT fields. */
export const ALL_FIELDS: u32 = 0xffffffff;

@unmanaged export class QueryNode {
  kind: i32;
  /** TEXT fields a text node is limited to (a bit per field; ALL_FIELDS when no @field:). */
  mask: u32;
  str: usize;
  strLen: i32;
  verbatim: bool;
  prefix: bool;
  minExclusive: bool;
  maxExclusive: bool;
  /** NUMERIC, GEO, TAG and vector nodes: the schema field (a Field pointer). */
  field: usize;
  min: f64;
  max: f64;
  lon: f64;
  lat: f64;
  radius: f64;
  /** First child, and the next sibling. */
  child: usize;
  next: usize;
  /** Q_KNN: the name its distance is returned under (AS), 0 when none. */
  alias: usize;
  aliasLen: i32;
  /** `=>{$weight: w}`: the node's scores are multiplied by w (0: not given). */
  weight: f64;
  /** FT.PROFILE: the matches this node produced and the µs spent in it, children included (execute.ts). */
  profCount: i32;
  profUs: f64;
}

export function nodeNew(kind: i32): QueryNode {
  const n = changetype<QueryNode>(scratchZeroed(offsetof<QueryNode>()));
  n.kind = kind;
  n.mask = ALL_FIELDS;
  return n;
}

/** Appends `c` to `parent`'s children. */
export function addChild(parent: QueryNode, c: QueryNode): void {
  if (parent.child == 0) { parent.child = changetype<usize>(c); return; }
  let last = changetype<QueryNode>(parent.child);
  while (last.next != 0) last = changetype<QueryNode>(last.next);
  last.next = changetype<usize>(c);
}
