// Splits a query into tokens. Keywords are identifiers compared without case by the parser; backquoted
// names are identifiers that are never keywords.
import { failed } from "./failure";
import { syntaxError } from "./syntax-error";

export const T_EOF = 0;
export const T_IDENT = 1;
export const T_QUOTED_IDENT = 2;
export const T_INT = 3;
export const T_FLOAT = 4;
export const T_STRING = 5;
export const T_PARAM = 6;
export const T_PUNCT = 7;

export class Token {
  kind: i32;
  text: string;
  start: i32;
  end: i32;
  constructor(kind: i32, text: string, start: i32, end: i32) {
    this.kind = kind;
    this.text = text;
    this.start = start;
    this.end = end;
  }
}

const TWO_CHAR = ["<>", "<=", ">=", "!=", "..", "=~", "+="];

@inline function isDigit(c: i32): bool { return c >= 48 && c <= 57; }
@inline function isIdentStart(c: i32): bool { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c > 127; }
@inline function isIdentPart(c: i32): bool { return isIdentStart(c) || isDigit(c); }

export function tokenize(q: string): Array<Token> {
  const out = new Array<Token>();
  let i = 0;
  const n = q.length;
  while (i < n && !failed()) {
    const c = q.charCodeAt(i);
    if (c == 32 || c == 9 || c == 10 || c == 13) {
      i++;
      continue;
    }
    if (c == 47 && i + 1 < n && q.charCodeAt(i + 1) == 47) { // "//" comment
      while (i < n && q.charCodeAt(i) != 10) i++;
      continue;
    }
    if (c == 47 && i + 1 < n && q.charCodeAt(i + 1) == 42) { // "/* */" comment
      const close = q.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(q.charCodeAt(i))) i++;
      out.push(new Token(T_IDENT, q.substring(start, i), start, i));
    } else if (c == 96) { // `name`
      const close = q.indexOf("`", i + 1);
      if (close < 0) {
        syntaxError(q, start, "Invalid input '`': unterminated identifier");
        break;
      }
      out.push(new Token(T_QUOTED_IDENT, q.substring(i + 1, close), start, close + 1));
      i = close + 1;
    } else if (isDigit(c) || (c == 46 && i + 1 < n && isDigit(q.charCodeAt(i + 1)))) {
      let isFloat = false;
      while (i < n && isDigit(q.charCodeAt(i))) i++;
      if (i + 1 < n && q.charCodeAt(i) == 46 && isDigit(q.charCodeAt(i + 1))) {
        isFloat = true;
        i++;
        while (i < n && isDigit(q.charCodeAt(i))) i++;
      }
      if (i < n && (q.charCodeAt(i) == 101 || q.charCodeAt(i) == 69)) {
        let j = i + 1;
        if (j < n && (q.charCodeAt(j) == 43 || q.charCodeAt(j) == 45)) j++;
        if (j < n && isDigit(q.charCodeAt(j))) {
          isFloat = true;
          i = j;
          while (i < n && isDigit(q.charCodeAt(i))) i++;
        }
      }
      out.push(new Token(isFloat ? T_FLOAT : T_INT, q.substring(start, i), start, i));
    } else if (c == 39 || c == 34) {
      i = lexString(q, i, out);
    } else if (c == 36) { // $name
      i++;
      while (i < n && isIdentPart(q.charCodeAt(i))) i++;
      if (i == start + 1) {
        syntaxError(q, start, "Invalid input '$': expected a parameter name");
        break;
      }
      out.push(new Token(T_PARAM, q.substring(start + 1, i), start, i));
    } else {
      const two = i + 1 < n ? q.substring(i, i + 2) : "";
      if (two.length == 2 && TWO_CHAR.includes(two)) {
        out.push(new Token(T_PUNCT, two, i, i + 2));
        i += 2;
      } else if ("()[]{},.:|;+-*/%^=<>".indexOf(String.fromCharCode(c)) >= 0) {
        out.push(new Token(T_PUNCT, String.fromCharCode(c), i, i + 1));
        i++;
      } else {
        syntaxError(q, start, "Invalid input '" + String.fromCharCode(c) + "'");
        break;
      }
    }
  }
  out.push(new Token(T_EOF, "", n, n));
  return out;
}

/** A quoted string from `i` with Cypher's backslash escapes; returns where it ends. */
function lexString(q: string, i: i32, out: Array<Token>): i32 {
  const quote = q.charCodeAt(i);
  const start = i;
  const n = q.length;
  let text = "";
  let from = ++i;
  while (i < n && q.charCodeAt(i) != quote) {
    if (q.charCodeAt(i) == 92 && i + 1 < n) {
      text += q.substring(from, i);
      const e = q.charCodeAt(i + 1);
      if (e == 110) text += "\n";
      else if (e == 116) text += "\t";
      else if (e == 114) text += "\r";
      else if (e == 98) text += "\b";
      else if (e == 102) text += "\f";
      else text += String.fromCharCode(e); // \' \" \\ and anything else: the character itself
      i += 2;
      from = i;
    } else i++;
  }
  if (i >= n) {
    syntaxError(q, start, "Invalid input '" + String.fromCharCode(quote) + "': unterminated string literal");
    return n;
  }
  text += q.substring(from, i);
  out.push(new Token(T_STRING, text, start, i + 1));
  return i + 1;
}
