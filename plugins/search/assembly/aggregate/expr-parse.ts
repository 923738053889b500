// Parses an APPLY or FILTER expression (RediSearch's expr/lexer.rl and parser.y): numbers, 'strings' and
// "strings" with backslash escapes, @properties, functions, NULL, arithmetic (+ - * / % ^), comparisons
// (== != < <= > >=), && || and !, with parser.y's precedence. Errors use RediSearch's texts.
import {
  CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, E_AND, E_ARITH, E_CMP, E_FUNC, E_NOT, E_NUM, E_OR, E_PROP, E_STR,
  Expr, exprNode,
} from "./expr";
import { functionId, functionMaxArgs, functionMinArgs } from "./functions";

const T_END: i32 = 0;
const T_NUM: i32 = 1;
const T_STR: i32 = 2;
const T_PROP: i32 = 3;
const T_SYM: i32 = 4;
const T_OP: i32 = 5;

let src: string = "";
let pos: i32 = 0;
let tokKind: i32 = T_END;
let tokStart: i32 = 0;
let tokText: string = "";
let tokNum: f64 = 0;
/** The first error, or "" (a parse stops at its first error). */
export let parseError: string = "";

function isDigit(c: i32): bool { return c >= 48 && c <= 57; }
function isIdent(c: i32): bool { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c == 95; }

function fail(msg: string): void { if (parseError.length == 0) parseError = msg; }

function syntaxError(): void {
  fail("Syntax error at offset " + tokStart.toString() + " near '" + tokText + "'");
}

function scanNumber(): void {
  const start = pos;
  while (pos < src.length && isDigit(src.charCodeAt(pos))) pos++;
  if (pos < src.length && src.charCodeAt(pos) == 46) {
    pos++;
    while (pos < src.length && isDigit(src.charCodeAt(pos))) pos++;
  }
  if (pos < src.length && (src.charCodeAt(pos) | 32) == 101) {
    let p = pos + 1;
    if (p < src.length && (src.charCodeAt(p) == 43 || src.charCodeAt(p) == 45)) p++;
    if (p < src.length && isDigit(src.charCodeAt(p))) {
      pos = p;
      while (pos < src.length && isDigit(src.charCodeAt(pos))) pos++;
    }
  }
  tokKind = T_NUM;
  tokText = src.substring(start, pos);
  tokNum = parseFloat(tokText);
}

function scanString(quote: i32): void {
  let out = "";
  pos++;
  while (pos < src.length && src.charCodeAt(pos) != quote) {
    // A backslash escapes the next character (unescpeStringDup keeps what follows it).
    if (src.charCodeAt(pos) == 92 && pos + 1 < src.length) pos++;
    out += src.charAt(pos);
    pos++;
  }
  if (pos >= src.length) {
    tokKind = T_OP;
    tokText = src.substring(tokStart);
    syntaxError();
    return;
  }
  pos++;
  tokKind = T_STR;
  tokText = out;
}

function next(): void {
  while (pos < src.length && (src.charCodeAt(pos) == 32 || src.charCodeAt(pos) == 9 || src.charCodeAt(pos) == 10 || src.charCodeAt(pos) == 13)) pos++;
  tokStart = pos;
  if (pos >= src.length) {
    tokKind = T_END;
    tokText = "";
    return;
  }
  const c = <i32>src.charCodeAt(pos);
  if (isDigit(c) || (c == 46 && pos + 1 < src.length && isDigit(src.charCodeAt(pos + 1)))) return scanNumber();
  if (c == 34 || c == 39) return scanString(c);
  if (c == 64) {
    pos++;
    let name = "";
    while (pos < src.length) {
      const d = <i32>src.charCodeAt(pos);
      if (d == 92 && pos + 1 < src.length) {
        name += src.charAt(pos + 1);
        pos += 2;
      } else if (isIdent(d)) {
        name += src.charAt(pos);
        pos++;
      } else break;
    }
    tokKind = T_PROP;
    tokText = name;
    if (name.length == 0) syntaxError();
    return;
  }
  if (isIdent(c)) {
    while (pos < src.length && isIdent(src.charCodeAt(pos))) pos++;
    tokKind = T_SYM;
    tokText = src.substring(tokStart, pos);
    return;
  }
  const two = pos + 1 < src.length ? src.substring(pos, pos + 2) : "";
  if (two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "&&" || two == "||") {
    pos += 2;
    tokKind = T_OP;
    tokText = two;
    return;
  }
  pos++;
  tokKind = T_OP;
  tokText = String.fromCharCode(c);
  if ("+-*/%^<>!(),".indexOf(tokText) < 0) syntaxError();
}

function isOp(text: string): bool { return tokKind == T_OP && tokText == text; }

function numberLit(n: f64): Expr {
  const e = new Expr();
  e.kind = E_NUM;
  e.num = n;
  return e;
}

function primary(): Expr {
  if (parseError.length > 0) return new Expr();
  if (tokKind == T_NUM) {
    const e = numberLit(tokNum);
    next();
    return e;
  }
  if (tokKind == T_STR) {
    const e = new Expr();
    e.kind = E_STR;
    e.str = tokText;
    next();
    return e;
  }
  if (tokKind == T_PROP) {
    const e = new Expr();
    e.kind = E_PROP;
    e.str = tokText;
    next();
    return e;
  }
  if (tokKind == T_SYM) return symbol();
  if (isOp("(")) {
    next();
    const e = orExpr();
    if (!isOp(")")) syntaxError();
    else next();
    return e;
  }
  if (isOp("-")) { // unary minus: 0 - x, folded for literals
    next();
    const e = power();
    if (e.kind == E_NUM) return numberLit(-e.num);
    return exprNode(E_ARITH, 45, numberLit(0), e);
  }
  if (isOp("+")) {
    next();
    return power();
  }
  syntaxError();
  return new Expr();
}

function symbol(): Expr {
  const name = tokText;
  next();
  if (!isOp("(")) {
    if (name == "NULL") return new Expr(); // kind E_NULL
    fail("Unknown symbol '" + name + "'");
    return new Expr();
  }
  next();
  const e = new Expr();
  e.kind = E_FUNC;
  e.str = name;
  if (!isOp(")")) {
    e.args.push(orExpr());
    while (parseError.length == 0 && isOp(",")) {
      next();
      e.args.push(orExpr());
    }
  }
  if (!isOp(")")) {
    syntaxError();
    return e;
  }
  next();
  const id = functionId(name);
  if (id < 0) {
    fail("Unknown function name '" + name + "'");
    return e;
  }
  const lo = functionMinArgs(id), hi = functionMaxArgs(id), n = e.args.length;
  if (n < lo || n > hi) {
    fail(lo == hi
      ? "Function '" + name + "' expects " + lo.toString() + " arguments, but got " + n.toString()
      : "Function '" + name + "' expects between " + lo.toString() + " and " + hi.toString() + " arguments, but got " + n.toString());
  }
  e.fn = id;
  return e;
}

function power(): Expr {
  const left = primary();
  if (parseError.length == 0 && isOp("^")) { // right-associative
    next();
    return arith(94, left, power());
  }
  return left;
}

/** Number literals on both sides fold, as parser.y's number rules do. */
function arith(op: i32, left: Expr, right: Expr): Expr {
  if (left.kind == E_NUM && right.kind == E_NUM) {
    const a = left.num, b = right.num;
    return numberLit(op == 43 ? a + b : op == 45 ? a - b : op == 42 ? a * b : op == 47 ? a / b : op == 37 ? a % b : Math.pow(a, b));
  }
  return exprNode(E_ARITH, op, left, right);
}

function product(): Expr {
  let left = power();
  while (parseError.length == 0 && (isOp("*") || isOp("/") || isOp("%"))) {
    const op = <i32>tokText.charCodeAt(0);
    next();
    left = arith(op, left, power());
  }
  return left;
}

function sum(): Expr {
  let left = product();
  while (parseError.length == 0 && (isOp("+") || isOp("-"))) {
    const op = <i32>tokText.charCodeAt(0);
    next();
    left = arith(op, left, product());
  }
  return left;
}

function compareOp(): i32 {
  if (tokKind != T_OP) return -1;
  if (tokText == "==") return CMP_EQ;
  if (tokText == "!=") return CMP_NE;
  if (tokText == "<") return CMP_LT;
  if (tokText == "<=") return CMP_LE;
  if (tokText == ">") return CMP_GT;
  if (tokText == ">=") return CMP_GE;
  return -1;
}

function comparison(): Expr {
  const left = sum();
  const op = compareOp();
  if (parseError.length > 0 || op < 0) return left;
  next();
  const e = exprNode(E_CMP, op, left, sum());
  if (compareOp() >= 0) syntaxError(); // parser.y: comparisons do not chain
  return e;
}

function notExpr(): Expr {
  if (isOp("!")) {
    next();
    const inner = notExpr();
    if (inner.kind == E_NOT) return inner.args[0]; // double negation
    return exprNode(E_NOT, 0, inner, null);
  }
  return comparison();
}

function andExpr(): Expr {
  let left = notExpr();
  while (parseError.length == 0 && isOp("&&")) {
    next();
    left = exprNode(E_AND, 0, left, notExpr());
  }
  return left;
}

function orExpr(): Expr {
  let left = andExpr();
  while (parseError.length == 0 && isOp("||")) {
    next();
    left = exprNode(E_OR, 0, left, andExpr());
  }
  return left;
}

/** The expression in `text`, or null with parseError set. */
export function parseExpr(text: string): Expr | null {
  src = text;
  pos = 0;
  parseError = "";
  next();
  const e = orExpr();
  if (parseError.length == 0 && tokKind != T_END) syntaxError();
  return parseError.length > 0 ? null : e;
}
