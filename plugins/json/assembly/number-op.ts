// JSON.NUMINCRBY and JSON.NUMMULTBY. As RedisJSON: an integer stays an integer when the operand is one
// too, anything else computes in doubles; a result that is not finite is refused ("result is not a
// number"), and so is an integer result beyond i64 (RedisJSON's release build would wrap it silently:
// refusing loses nothing). All matches are checked before any changes, so an error writes nothing.
// JSONPath replies the new values as a JSON array text in RESP2 (nil for a match that is no number), an
// array of numbers in RESP3; a legacy path replies the last new value's text.
import { argLen, argPtr, parseI64, parsedI64, protocol, replyArray, replyDouble, replyError, replyInt, replyNull, FIND_WRITE, KeyEvent } from "ferrite-sdk";
import { floatValue, intValue, isNumber, K_FLOAT, K_INT, K_UINT, kind, numberAsF64 } from "./node";
import { legacy, matchCount, matchNode } from "./path";
import { KEEP_PACKED } from "./document";
import { openExisting, pathLen, pathPtr } from "./query";
import { AS_SCRATCH, out, parseArg, replyOut, replyPathMissingOr } from "./replies";
import { COMPACT, writeNode } from "./serialize";

const ERR_NAN = "result is not a number";
/** An integer operand's number node (kind and 8 bytes), read only. */
const INT_OPERAND = memory.data(9);

/** The result of one match: `resultInt` when `resultIsInt`, else `resultFloat`; false when refused. */
let resultIsInt = false;
let resultInt: i64 = 0;
let resultFloat: f64 = 0;

function compute(n: usize, operand: usize, multiply: bool): bool {
  if (kind(n) == K_INT && kind(operand) == K_INT) {
    const a = intValue(n), b = intValue(operand);
    resultIsInt = true;
    if (multiply) {
      const r = a * b;
      if (a != 0 && (r / a != b || (a == -1 && b == i64.MIN_VALUE))) return false;
      resultInt = r;
      return true;
    }
    const r = a + b;
    if ((b > 0 && r < a) || (b < 0 && r > a)) return false;
    resultInt = r;
    return true;
  }
  resultIsInt = false;
  const a = numberAsF64(n), b = numberAsF64(operand);
  resultFloat = multiply ? a * b : a + b;
  return isFinite(resultFloat);
}

/**
 * The operand of argument 3 as a number node only read (nothing to free), 0 after replying its error. An
 * integer as Redis writes one (string2ll's text is always a JSON integer, and one that fits i64) skips
 * the parser: the common `1` of a counter.
 */
function operandOf(argv: usize): usize {
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) return parseArg(argv, 3, AS_SCRATCH);
  store<u8>(INT_OPERAND, K_INT);
  store<i64>(INT_OPERAND + 1, parsedI64);
  return INT_OPERAND;
}

export function numberOp(argc: i32, argv: usize, multiply: bool, event: KeyEvent): void {
  const operand = operandOf(argv);
  if (operand == 0) return;
  if (!isNumber(operand)) { replyError("ERR bad input"); return; }
  if (!openExisting(argc, argv, 2, FIND_WRITE | KEEP_PACKED)) return;
  let numbers = 0;
  for (let i = 0; i < matchCount; i++) {
    if (!isNumber(matchNode(i))) continue;
    numbers++;
    if (!compute(matchNode(i), operand, multiply)) { replyError(ERR_NAN); return; }
  }
  if (legacy && numbers == 0) {
    replyPathMissingOr(pathPtr, pathLen, "does not contains a number");
    return;
  }
  // Number nodes all have one size: the result is written in place, kind included.
  for (let i = 0; i < matchCount; i++) {
    const n = matchNode(i);
    if (!isNumber(n)) continue;
    compute(n, operand, multiply);
    if (resultIsInt) { store<u8>(n, K_INT); store<i64>(n + 1, resultInt); }
    else { store<u8>(n, K_FLOAT); store<f64>(n + 1, resultFloat); }
  }
  if (numbers > 0) event.emitArg(argv, 1);
  if (legacy) {
    let last: usize = 0;
    for (let i = 0; i < matchCount; i++) if (isNumber(matchNode(i))) last = matchNode(i);
    out.reset();
    writeNode(out, last, COMPACT);
    replyOut();
    return;
  }
  if (protocol() == 3) {
    replyArray(matchCount);
    for (let i = 0; i < matchCount; i++) {
      const n = matchNode(i);
      if (!isNumber(n)) replyNull();
      else if (kind(n) == K_INT) replyInt(intValue(n));
      else replyDouble(kind(n) == K_UINT ? numberAsF64(n) : floatValue(n));
    }
    return;
  }
  out.reset();
  out.byte(0x5b);
  for (let i = 0; i < matchCount; i++) {
    if (i > 0) out.byte(0x2c);
    const n = matchNode(i);
    if (isNumber(n)) writeNode(out, n, COMPACT);
    else out.ascii("null");
  }
  out.byte(0x5d);
  replyOut();
}
