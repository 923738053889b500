// The string functions: lower, upper, substr, format, split, strlen, startswith, contains, to_number,
// to_str, exists. Strings are bytes (one char each), so case changes touch ASCII letters only, as C's
// tolower/toupper do in RediSearch.
import { parsedF64 } from "ferrite-sdk";
import { setEvalError } from "./eval-error";
import { NULL_VAL, V_NULL, V_NUM, V_STR, Val, arrVal, numVal, strVal, toNumber, toText } from "./value";

function changeCase(s: string, upper: bool): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = <i32>s.charCodeAt(i);
    if (upper && c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
    else if (!upper && c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else out += String.fromCharCode(c);
  }
  return out;
}

function badType(position: i32, name: string): Val | null {
  setEvalError("Invalid type for argument " + position.toString() + " in function '" + name + "'");
  return null;
}

function substr(args: Array<Val>): Val | null {
  if (args[0].kind == V_NULL) return NULL_VAL;
  if (args[1].kind != V_NUM) return badType(1, "substr");
  if (args[2].kind != V_NUM) return badType(2, "substr");
  const s = toText(args[0]);
  const size = s.length;
  let offset = <i32>args[1].n, len = <i32>args[2].n;
  if (offset < 0) offset = size + offset; // negative offsets count from the end
  offset = max(0, min(offset, size));
  if (len < 0) len = max(0, size - offset + len); // a negative length stops that far before the end
  if (offset + len > size) len = size - offset;
  return strVal(s.substring(offset, offset + len));
}

function format(args: Array<Val>): Val | null {
  if (args[0].kind == V_NULL) return NULL_VAL;
  const fmt = toText(args[0]);
  let out = "";
  let next = 1;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (c != "%") {
      out += c;
      continue;
    }
    if (i + 1 >= fmt.length) {
      setEvalError("Bad format string!");
      return null;
    }
    const spec = fmt.charAt(++i);
    if (spec == "%") out += "%";
    else if (spec == "s") {
      if (next >= args.length) {
        setEvalError("Not enough arguments for format");
        return null;
      }
      const a = args[next++];
      out += a.kind == V_NULL ? "(null)" : toText(a);
    } else {
      setEvalError("Unknown format specifier passed");
      return null;
    }
  }
  return strVal(out);
}

function trimmed(s: string, strip: string): string {
  let a = 0, b = s.length;
  while (a < b && strip.indexOf(s.charAt(a)) >= 0) a++;
  while (b > a && strip.indexOf(s.charAt(b - 1)) >= 0) b--;
  return s.substring(a, b);
}

/** split(s, separators = ",", strip = " "): the pieces between any separator, trimmed, empty ones dropped. */
function split(args: Array<Val>): Val | null {
  if (args[0].kind == V_NULL) return NULL_VAL;
  const s = toText(args[0]);
  const seps = args.length > 1 ? toText(args[1]) : ",";
  const strip = args.length > 2 ? toText(args[2]) : " ";
  const items: Array<Val> = [];
  let start = 0;
  for (let i = 0; i <= s.length && items.length < 1024; i++) {
    if (i < s.length && seps.indexOf(s.charAt(i)) < 0) continue;
    const piece = trimmed(s.substring(start, i), strip);
    if (piece.length > 0) items.push(strVal(piece));
    start = i + 1;
  }
  return arrVal(items);
}

/** Occurrences of `sub` in `s`, overlapping ones counted; an empty `sub` occurs length + 1 times. */
function contains(s: string, sub: string): i32 {
  if (sub.length == 0) return s.length + 1;
  let n = 0;
  let at = s.indexOf(sub);
  while (at >= 0) {
    n++;
    at = s.indexOf(sub, at + 1);
  }
  return n;
}

export function stringFunction(id: i32, args: Array<Val>): Val | null {
  const a = args[0];
  switch (id) {
    case 0:
    case 1: return a.kind == V_STR ? strVal(changeCase(a.s, id == 1)) : a;
    case 2: return substr(args);
    case 3: return format(args);
    case 4: return split(args);
    case 5: return a.kind == V_NULL ? NULL_VAL : numVal(<f64>toText(a).length);
    case 6:
    case 7: {
      if (a.kind != V_STR) return badType(0, id == 6 ? "startswith" : "contains");
      if (args[1].kind != V_STR) return badType(1, id == 6 ? "startswith" : "contains");
      if (id == 6) return numVal(a.s.startsWith(args[1].s) ? 1 : 0);
      return numVal(<f64>contains(a.s, args[1].s));
    }
    case 8: {
      if (a.kind == V_NUM) return a;
      if (a.kind == V_NULL) return NULL_VAL;
      if (!toNumber(a)) {
        setEvalError("to_number: cannot convert string '" + toText(a) + "'");
        return null;
      }
      return numVal(parsedF64);
    }
    case 9: return a.kind == V_NULL ? NULL_VAL : strVal(toText(a));
    default: return numVal(a.kind == V_NULL ? 0 : 1); // exists: the evaluator passes null for a missing property
  }
}
