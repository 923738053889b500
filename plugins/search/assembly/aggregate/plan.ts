// FT.AGGREGATE's request once parsed: the pipeline's steps in the order given, and the options that
// are not steps (cursor, dialect, params, timeout).
import { Expr } from "./expr";
import { ReduceSpec } from "./reducers";

export const S_LOAD: i32 = 0;
export const S_GROUPBY: i32 = 1;
export const S_APPLY: i32 = 2;
export const S_FILTER: i32 = 3;
export const S_SORTBY: i32 = 4;
export const S_LIMIT: i32 = 5;

/** RediSearch sorts into a heap of this many rows when SORTBY has neither MAX nor a LIMIT after it. */
export const DEFAULT_SORT_LIMIT: i32 = 10;

export class Step {
  kind: i32 = S_LOAD;
  /** LOAD: the fields; GROUPBY: the properties; SORTBY: the keys. */
  props: Array<string> = [];
  /** LOAD: the names the fields are given (AS), parallel to props. */
  aliases: Array<string> = [];
  /** LOAD *. */
  all: bool = false;
  reducers: Array<ReduceSpec> = [];
  /** SORTBY: ascending per key, parallel to props. */
  ascending: Array<bool> = [];
  /** SORTBY: MAX, or -1. */
  max: i32 = -1;
  expr: Expr | null = null;
  /** APPLY: the output property. */
  alias: string = "";
  offset: i32 = 0;
  limit: i32 = 0;
}

export class Plan {
  steps: Array<Step> = [];
  withCursor: bool = false;
  /** WITHCURSOR COUNT: rows per read (0: the configured default). */
  cursorCount: i32 = 0;
  /** WITHCURSOR MAXIDLE in ms (0: the configured default). */
  maxIdle: i64 = 0;
  verbatim: bool = false;
  addScores: bool = false;
  /** DIALECT, or 0 for FT.CONFIG's DEFAULT_DIALECT. */
  dialect: i32 = 0;
  timeoutMs: i64 = -1;
  /** The query's argument (FT.PROFILE's comes later than FT.AGGREGATE's). */
  queryAt: i32 = 2;
  /** PARAMS: the argument of the first name, and how many name/value pairs follow. */
  paramsAt: i32 = 0;
  paramPairs: i32 = 0;
}
