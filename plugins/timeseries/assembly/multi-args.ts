// The options of the commands that query the label index (TS.MGET, TS.MRANGE, TS.MREVRANGE):
// FILTER's expressions (the arguments after it that hold `=`), WITHLABELS or SELECTED_LABELS, and
// GROUPBY label REDUCE reducer, wherever they stand.
import { argIs, argLen, argPtr, replyArityError, replyError } from "ferrite-sdk";
import { AGG_NONE, parseAggName } from "./aggregate";
import { ERR_BOTH_LABEL_OPTIONS, ERR_GROUPBY, ERR_REDUCER, ERR_SELECTED_EMPTY } from "./errors";
import { argIndex } from "./keywords";

export let filterFrom: i32 = 0;
export let filterTo: i32 = 0;
export let withLabels = false;
export let selectedFrom: i32 = 0;
export let selectedCount: i32 = 0;
export let groupByArg: i32 = -1;
export let reducer: i32 = AGG_NONE;

function hasEquals(argv: usize, i: i32): bool {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  for (let k = 0; k < len; k++) if (load<u8>(ptr + k) == 61) return true;
  return false;
}

/** A keyword outside FILTER's expressions, in [start, argc). */
function optionIndex(argv: usize, start: i32, argc: i32, keyword: string): i32 {
  const before = argIndex(argv, start, filterFrom - 1, keyword);
  return before >= 0 ? before : argIndex(argv, filterTo, argc, keyword);
}

const ENDS_SELECTION: StaticArray<string> = ["FILTER", "WITHLABELS", "GROUPBY", "LATEST", "COUNT", "AGGREGATION", "ALIGN", "FILTER_BY_TS", "FILTER_BY_VALUE"];

function endsSelection(argv: usize, i: i32): bool {
  for (let k = 0; k < ENDS_SELECTION.length; k++) if (argIs(argv, i, ENDS_SELECTION[k])) return true;
  return false;
}

/** Reads the options from argument `start`; replies the error and returns false. */
export function parseMultiArgs(argc: i32, argv: usize, start: i32): bool {
  const f = argIndex(argv, start, argc, "FILTER");
  if (f < 0) { replyArityError(argv); return false; }
  filterFrom = f + 1;
  filterTo = filterFrom;
  while (filterTo < argc && hasEquals(argv, filterTo)) filterTo++;
  withLabels = optionIndex(argv, start, argc, "WITHLABELS") >= 0;
  const sel = optionIndex(argv, start, argc, "SELECTED_LABELS");
  selectedCount = 0;
  if (sel >= 0) {
    if (withLabels) { replyError(ERR_BOTH_LABEL_OPTIONS); return false; }
    selectedFrom = sel + 1;
    while (selectedFrom + selectedCount < argc && selectedFrom + selectedCount != f && !endsSelection(argv, selectedFrom + selectedCount)) selectedCount++;
    if (selectedCount == 0) { replyError(ERR_SELECTED_EMPTY); return false; }
  }
  groupByArg = -1;
  const g = optionIndex(argv, start, argc, "GROUPBY");
  if (g >= 0) {
    if (g + 3 > argc - 1 || !argIs(argv, g + 2, "REDUCE")) { replyError(ERR_GROUPBY); return false; }
    reducer = parseAggName(argv, g + 3, true);
    if (reducer == AGG_NONE) { replyError(ERR_REDUCER); return false; }
    groupByArg = g + 1;
  }
  return true;
}
