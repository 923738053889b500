// The expression language of APPLY and FILTER (RediSearch's aggregate expressions): an AST.
export const E_NUM: i32 = 0;
export const E_STR: i32 = 1;
export const E_NULL: i32 = 2;
export const E_PROP: i32 = 3;
/** Arithmetic: op is one of + - * / % ^ */
export const E_ARITH: i32 = 4;
/** Comparison: op is one of CMP_* */
export const E_CMP: i32 = 5;
export const E_AND: i32 = 6;
export const E_OR: i32 = 7;
export const E_NOT: i32 = 8;
export const E_FUNC: i32 = 9;

export const CMP_EQ: i32 = 0;
export const CMP_NE: i32 = 1;
export const CMP_LT: i32 = 2;
export const CMP_LE: i32 = 3;
export const CMP_GT: i32 = 4;
export const CMP_GE: i32 = 5;

export class Expr {
  kind: i32 = E_NULL;
  op: i32 = 0;
  num: f64 = 0;
  /** E_STR: the literal; E_PROP: the property name; E_FUNC: the function's name as written. */
  str: string = "";
  /** E_FUNC: the function (functions.ts F_*). */
  fn: i32 = 0;
  args: Array<Expr> = [];
}

export function exprNode(kind: i32, op: i32, left: Expr | null, right: Expr | null): Expr {
  const e = new Expr();
  e.kind = kind;
  e.op = op;
  if (left !== null) e.args.push(left);
  if (right !== null) e.args.push(right);
  return e;
}
