// The functions APPLY and FILTER may call (RediSearch's function registry): names (matched without
// regard to case), argument counts, and the dispatch to their families' files.
import { dateFunction } from "./fn-date";
import { mathFunction } from "./fn-math";
import { stringFunction } from "./fn-string";
import { Val } from "./value";

const NAMES: Array<string> = [
  "log", "floor", "abs", "ceil", "sqrt", "log2", "exp",
  "lower", "upper", "substr", "format", "split", "strlen", "startswith", "contains", "to_number", "to_str", "exists",
  "timefmt", "parsetime", "day", "hour", "minute", "month", "dayofweek", "dayofmonth", "dayofyear", "year", "monthofyear",
];
const MIN_ARGS: Array<i32> = [1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 2, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const MAX_ARGS: Array<i32> = [1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1024, 3, 1, 2, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1];

export const F_FIRST_STRING: i32 = 7;
export const F_EXISTS: i32 = 17;
export const F_FIRST_DATE: i32 = 18;

/** The function's id, or -1 for an unknown name. */
export function functionId(name: string): i32 {
  const lower = name.toLowerCase();
  for (let i = 0; i < NAMES.length; i++) if (NAMES[i] == lower) return i;
  return -1;
}

export function functionName(id: i32): string { return NAMES[id]; }
export function functionMinArgs(id: i32): i32 { return MIN_ARGS[id]; }
export function functionMaxArgs(id: i32): i32 { return MAX_ARGS[id]; }

/** Calls function `id` on evaluated arguments: its value, or null with evalError set. */
export function callFunction(id: i32, args: Array<Val>): Val | null {
  if (id < F_FIRST_STRING) return mathFunction(id, args[0]);
  if (id < F_FIRST_DATE) return stringFunction(id - F_FIRST_STRING, args);
  return dateFunction(id - F_FIRST_DATE, args);
}
