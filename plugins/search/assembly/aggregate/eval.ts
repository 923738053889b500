// Evaluates an APPLY or FILTER expression over a row (RediSearch's expr/expression.c). A property the
// row lacks is an error, except directly inside exists(); arithmetic needs numbers (or numeric strings).
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, E_AND, E_ARITH, E_CMP, E_FUNC, E_NOT, E_NUM, E_OR, E_PROP, E_STR, Expr } from "./expr";
import { setEvalError } from "./eval-error";
import { F_EXISTS, callFunction } from "./functions";
import { Row } from "./row";
import { NULL_VAL, Val, compareValues, numVal, strVal, toNumber, truthy } from "./value";
import { parsedF64 } from "ferrite-sdk";

const MISSING = "Could not find the value for a parameter name, consider using EXISTS if applicable for ";

function arithmetic(op: i32, l: Val, r: Val): Val | null {
  if (!toNumber(l)) return notNumber();
  const a = parsedF64;
  if (!toNumber(r)) return notNumber();
  const b = parsedF64;
  switch (op) {
    case 43: return numVal(a + b);
    case 45: return numVal(a - b);
    case 42: return numVal(a * b);
    case 47: return numVal(a / b);
    case 37: { // C's (long long)a % (long long)b
      if (!isFinite(a) || !isFinite(b) || <i64>b == 0) return numVal(NaN);
      return numVal(<f64>(<i64>a % <i64>b));
    }
    default: return numVal(Math.pow(a, b));
  }
}

function notNumber(): Val | null {
  setEvalError("Could not convert value to a number");
  return null;
}

function compare(op: i32, l: Val, r: Val): bool {
  const c = compareValues(l, r);
  if (op == CMP_EQ) return c == 0;
  if (op == CMP_LT) return c < 0;
  if (op == CMP_LE) return c <= 0;
  if (op == CMP_GT) return c > 0;
  if (op == CMP_GE) return c >= 0;
  return c != 0;
}

function callOf(e: Expr, row: Row): Val | null {
  const args: Array<Val> = [];
  for (let i = 0; i < e.args.length; i++) {
    const a = e.args[i];
    if (e.fn == F_EXISTS && a.kind == E_PROP) { // exists(@missing) is 0, not an error
      const v = row.get(a.str);
      args.push(v === null ? NULL_VAL : v);
      continue;
    }
    const v = evaluate(a, row);
    if (v === null) return null;
    args.push(v);
  }
  return callFunction(e.fn, args);
}

/** The value of `e` over `row`, or null with evalError set. */
export function evaluate(e: Expr, row: Row): Val | null {
  switch (e.kind) {
    case E_NUM: return numVal(e.num);
    case E_STR: return strVal(e.str);
    case E_PROP: {
      const v = row.get(e.str);
      if (v === null) setEvalError(MISSING + e.str);
      return v;
    }
    case E_FUNC: return callOf(e, row);
    case E_NOT: {
      const v = evaluate(e.args[0], row);
      return v === null ? null : numVal(truthy(v) ? 0 : 1);
    }
    case E_AND:
    case E_OR:
    case E_CMP:
    case E_ARITH: break;
    default: return NULL_VAL; // the NULL literal
  }
  const l = evaluate(e.args[0], row);
  if (l === null) return null;
  if (e.kind == E_AND && !truthy(l)) return numVal(0);
  if (e.kind == E_OR && truthy(l)) return numVal(1);
  const r = evaluate(e.args[1], row);
  if (r === null) return null;
  if (e.kind == E_AND || e.kind == E_OR) return numVal(truthy(r) ? 1 : 0);
  if (e.kind == E_CMP) return numVal(compare(e.op, l, r) ? 1 : 0);
  return arithmetic(e.op, l, r); // E_ARITH
}
