// A value in the aggregation pipeline, as RediSearch's RSValue: null, number, string or array.
// Managed objects, collected when the command ends (see run-aggregate.ts). Strings hold bytes one per
// char (latin1), so substr, strlen and the replies are byte-exact whatever the document held.
import { formatNumberRediSearch, parseF64, parsedF64 } from "ferrite-sdk";

export const V_NULL: i32 = 0;
export const V_NUM: i32 = 1;
export const V_STR: i32 = 2;
export const V_ARR: i32 = 3;

export class Val {
  kind: i32 = V_NULL;
  n: f64 = 0;
  s: string = "";
  arr: Array<Val> = [];
}

export const NULL_VAL = new Val();

export function numVal(n: f64): Val {
  const v = new Val();
  v.kind = V_NUM;
  v.n = n;
  return v;
}

export function strVal(s: string): Val {
  const v = new Val();
  v.kind = V_STR;
  v.s = s;
  return v;
}

export function arrVal(items: Array<Val>): Val {
  const v = new Val();
  v.kind = V_ARR;
  v.arr = items;
  return v;
}

/** Bytes as a string of one char per byte. */
export function bytesString(ptr: usize, len: i32): string {
  if (len == 0) return "";
  const s = changetype<string>(__new(<usize>len << 1, idof<string>()));
  const dst = changetype<usize>(s);
  for (let i = 0; i < len; i++) store<u16>(dst + (<usize>i << 1), load<u8>(ptr + <usize>i));
  return s;
}

/** A string's bytes into `dst` (room for s.length bytes). */
export function stringBytes(s: string, dst: usize): void {
  const src = changetype<usize>(s);
  for (let i = 0; i < s.length; i++) store<u8>(dst + <usize>i, <u8>load<u16>(src + (<usize>i << 1)));
}

/** Room for the longest "%lld" (20 bytes) or "%.12g" (19) text. */
const numberScratch = memory.data(32);

/** RediSearch's number text: the SDK's formatNumberRediSearch (also FT.SEARCH's scores), as a string. */
export function numberText(n: f64): string {
  return String.UTF8.decodeUnsafe(numberScratch, <usize>formatNumberRediSearch(n, numberScratch));
}

/** The value as text (RSValue_ToString): numbers formatted, null and arrays empty. */
export function toText(v: Val): string {
  if (v.kind == V_STR) return v.s;
  if (v.kind == V_NUM) return numberText(v.n);
  return "";
}

let scratch: usize = 0;
let scratchSize: i32 = 0;

/** The number a value holds or a string spells out entirely (RSValue_ToNumber); false otherwise. */
export function toNumber(v: Val): bool {
  if (v.kind == V_NUM) {
    parsedF64 = v.n;
    return true;
  }
  if (v.kind != V_STR || v.s.length == 0) return false;
  if (v.s.length > scratchSize) {
    if (scratch != 0) heap.free(scratch);
    scratchSize = v.s.length * 2;
    scratch = heap.alloc(<usize>scratchSize);
  }
  stringBytes(v.s, scratch);
  return parseF64(scratch, v.s.length);
}

/** RSValue_BoolTest: a number not 0, a non-empty string or array. */
export function truthy(v: Val): bool {
  if (v.kind == V_NUM) return v.n != 0;
  if (v.kind == V_STR) return v.s.length > 0;
  if (v.kind == V_ARR) return v.arr.length > 0;
  return false;
}

function compareStrings(a: string, b: string): i32 {
  const n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = <i32>a.charCodeAt(i) - <i32>b.charCodeAt(i);
    if (d != 0) return d < 0 ? -1 : 1;
  }
  return a.length == b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareNumbers(a: f64, b: f64): i32 { return a < b ? -1 : a > b ? 1 : 0; }

/**
 * RSValue_Cmp: numbers by value, strings by bytes; a number against a string compares numerically
 * when the string is a number and as text otherwise; null sorts first; arrays element by element.
 */
export function compareValues(a: Val, b: Val): i32 {
  if (a.kind == V_NULL || b.kind == V_NULL) return a.kind == b.kind ? 0 : a.kind == V_NULL ? -1 : 1;
  if (a.kind == V_NUM && b.kind == V_NUM) return compareNumbers(a.n, b.n);
  if (a.kind == V_STR && b.kind == V_STR) return compareStrings(a.s, b.s);
  if (a.kind == V_ARR && b.kind == V_ARR) {
    const n = min(a.arr.length, b.arr.length);
    for (let i = 0; i < n; i++) {
      const c = compareValues(a.arr[i], b.arr[i]);
      if (c != 0) return c;
    }
    return compareNumbers(<f64>a.arr.length, <f64>b.arr.length);
  }
  if (a.kind == V_NUM && b.kind == V_STR) {
    if (toNumber(b)) return compareNumbers(a.n, parsedF64);
    return compareStrings(numberText(a.n), b.s);
  }
  if (a.kind == V_STR && b.kind == V_NUM) return -compareValues(b, a);
  return compareNumbers(<f64>a.kind, <f64>b.kind);
}

/** The text a value groups and deduplicates under: its kind and its text. */
export function valueKey(v: Val): string {
  if (v.kind == V_ARR) {
    let k = "a";
    for (let i = 0; i < v.arr.length; i++) k += valueKey(v.arr[i]) + "\u0000";
    return k;
  }
  return (v.kind == V_NULL ? "z" : v.kind == V_NUM ? "n" : "s") + toText(v);
}
