// GROUPBY's reducers (RediSearch's aggregate/reducers/*.c): each group holds one instance per REDUCE,
// fed every row of the group, asked for its value when the groups are emitted.
import { randomBelow } from "ferrite-sdk";
import { parsedF64 } from "ferrite-sdk";
import { Row } from "./row";
import { NULL_VAL, V_ARR, V_NULL, Val, arrVal, compareValues, numVal, toNumber, valueKey } from "./value";

export const R_COUNT: i32 = 0;
export const R_COUNT_DISTINCT: i32 = 1;
export const R_COUNT_DISTINCTISH: i32 = 2;
export const R_SUM: i32 = 3;
export const R_AVG: i32 = 4;
export const R_MIN: i32 = 5;
export const R_MAX: i32 = 6;
export const R_TOLIST: i32 = 7;
export const R_FIRST_VALUE: i32 = 8;
export const R_QUANTILE: i32 = 9;
export const R_STDDEV: i32 = 10;
export const R_RANDOM_SAMPLE: i32 = 11;

export const REDUCER_NAMES: Array<string> = [
  "COUNT", "COUNT_DISTINCT", "COUNT_DISTINCTISH", "SUM", "AVG", "MIN", "MAX", "TOLIST", "FIRST_VALUE", "QUANTILE", "STDDEV", "RANDOM_SAMPLE",
];

/** One REDUCE clause as parsed: the reducer, its property, its options and its output name. */
export class ReduceSpec {
  kind: i32 = R_COUNT;
  /** The property it reads ("" for COUNT). */
  prop: string = "";
  /** FIRST_VALUE's BY property ("" when none). */
  by: string = "";
  ascending: bool = true;
  /** QUANTILE's quantile; RANDOM_SAMPLE's size. */
  param: f64 = 0;
  alias: string = "";
}

/** A reducer's state for one group. */
export class Reducer {
  spec: ReduceSpec;
  count: i64 = 0;
  sum: f64 = 0;
  sumSquares: f64 = 0;
  extreme: f64 = 0;
  seen: Set<string> = new Set<string>();
  values: Array<Val> = [];
  numbers: Array<f64> = [];
  first: Val | null = null;
  firstSort: Val | null = null;

  constructor(spec: ReduceSpec) { this.spec = spec; }

  add(row: Row): void {
    const kind = this.spec.kind;
    if (kind == R_COUNT) {
      this.count++;
      return;
    }
    const found = row.get(this.spec.prop);
    const v = found === null ? NULL_VAL : found;
    if (kind == R_FIRST_VALUE) return this.addFirst(row, v);
    if (kind == R_COUNT_DISTINCT || kind == R_COUNT_DISTINCTISH) {
      if (v.kind != V_NULL) this.seen.add(valueKey(v));
      return;
    }
    if (kind == R_TOLIST) {
      if (v.kind == V_ARR) for (let i = 0; i < v.arr.length; i++) this.addDistinct(v.arr[i]);
      else if (v.kind != V_NULL) this.addDistinct(v);
      return;
    }
    if (kind == R_RANDOM_SAMPLE) return this.addSample(v);
    if (!toNumber(v)) return; // the numeric reducers skip what is not a number
    const d = parsedF64;
    if (kind == R_MIN) this.extreme = this.count == 0 ? d : Math.min(this.extreme, d);
    else if (kind == R_MAX) this.extreme = this.count == 0 ? d : Math.max(this.extreme, d);
    else if (kind == R_QUANTILE) this.numbers.push(d);
    this.count++;
    this.sum += d;
    this.sumSquares += d * d;
  }

  private addDistinct(v: Val): void {
    const k = valueKey(v);
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.values.push(v);
  }

  /** Reservoir sampling: every row has the same chance to be among the `param` kept. */
  private addSample(v: Val): void {
    if (v.kind == V_NULL) return;
    this.count++;
    const size = <i32>this.spec.param;
    if (this.values.length < size) this.values.push(v);
    else {
      const at = <i32>randomBelow(<u32>min(this.count, 0x7fffffff));
      if (at < size) this.values[at] = v;
    }
  }

  private addFirst(row: Row, v: Val): void {
    if (this.spec.by.length == 0) {
      if (this.first === null) this.first = v;
      return;
    }
    const s = row.get(this.spec.by);
    const sortVal = s === null ? NULL_VAL : s;
    const previous = this.firstSort;
    if (previous !== null) {
      const c = compareValues(sortVal, previous);
      if (this.spec.ascending ? c >= 0 : c <= 0) return;
    }
    this.first = v;
    this.firstSort = sortVal;
  }

  result(): Val {
    switch (this.spec.kind) {
      case R_COUNT: return numVal(<f64>this.count);
      case R_COUNT_DISTINCT:
      case R_COUNT_DISTINCTISH: return numVal(<f64>this.seen.size);
      case R_SUM: return numVal(this.sum);
      case R_AVG: return numVal(this.count > 0 ? this.sum / <f64>this.count : 0);
      case R_MIN:
      case R_MAX: return numVal(this.count > 0 ? this.extreme : 0);
      case R_TOLIST:
      case R_RANDOM_SAMPLE: return arrVal(this.values);
      case R_FIRST_VALUE: {
        const f = this.first;
        return f === null ? NULL_VAL : f;
      }
      case R_QUANTILE: return this.quantile();
      default: return numVal(this.stddev());
    }
  }

  /** The nearest-rank quantile over the group's numbers, exact (RediSearch's stream is exact this small). */
  private quantile(): Val {
    const n = this.numbers.length;
    if (n == 0) return numVal(0);
    this.numbers.sort((a: f64, b: f64): i32 => (a < b ? -1 : a > b ? 1 : 0));
    const rank = <i32>Math.ceil(this.spec.param * <f64>n) - 1;
    return numVal(this.numbers[max(0, min(rank, n - 1))]);
  }

  /** The sample standard deviation; 0 below two values. */
  private stddev(): f64 {
    if (this.count < 2) return 0;
    const n = <f64>this.count;
    const variance = (this.sumSquares - (this.sum * this.sum) / n) / (n - 1);
    return Math.sqrt(Math.max(variance, 0));
  }
}
