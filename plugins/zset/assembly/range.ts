// Score and lex ranges (ZRANGEBYSCORE's "(1 +inf", ZRANGEBYLEX's "[a (c"), parsed from the arguments
// into module state (valid during the command: lex bounds point into the argument arena), and the
// monotone predicates the encodings count with to turn a range into ranks.
import { compareBytes, isSpace, parseF64, parsedF64 } from "ferrite-sdk";

export const ERR_NOT_FLOAT_RANGE = "ERR min or max is not a float";
export const ERR_NOT_LEX_RANGE = "ERR min or max not valid string range item";

/** What countWhile counts: the leading elements below the range's start, or up to its end. */
export const BELOW_MIN_SCORE: i32 = 0;
export const UP_TO_MAX_SCORE: i32 = 1;
export const BELOW_MIN_LEX: i32 = 2;
export const UP_TO_MAX_LEX: i32 = 3;

let minScore: f64 = 0;
let maxScore: f64 = 0;
let minExclusive = false;
let maxExclusive = false;

/** A lex bound: -inf ("-"), +inf ("+"), or bytes, inclusive ("[") or exclusive ("("). */
const LEX_MINUS_INF: i32 = 0;
const LEX_PLUS_INF: i32 = 1;
const LEX_INCLUSIVE: i32 = 2;
const LEX_EXCLUSIVE: i32 = 3;
let lexMinKind: i32 = 0;
let lexMinPtr: usize = 0;
let lexMinLen: i32 = 0;
let lexMaxKind: i32 = 0;
let lexMaxPtr: usize = 0;
let lexMaxLen: i32 = 0;

let parsedBound: f64 = 0;
let parsedExclusive = false;

/** strtod as Redis calls it here: leading spaces skipped, and nothing at all reads as 0. */
function parseScoreBound(ptr: usize, len: i32): bool {
  parsedExclusive = len > 0 && load<u8>(ptr) == 40; // '('
  let i = parsedExclusive ? 1 : 0;
  while (i < len && isSpace(load<u8>(ptr + i))) i++;
  if (i == len) {
    parsedBound = 0;
    return i == <i32>parsedExclusive;
  }
  if (!parseF64(ptr + i, len - i)) return false;
  parsedBound = parsedF64;
  return true;
}

/** Redis's zslParseRange; false means ERR_NOT_FLOAT_RANGE. */
export function parseScoreRange(minPtr: usize, minLen: i32, maxPtr: usize, maxLen: i32): bool {
  if (!parseScoreBound(minPtr, minLen)) return false;
  minScore = parsedBound;
  minExclusive = parsedExclusive;
  if (!parseScoreBound(maxPtr, maxLen)) return false;
  maxScore = parsedBound;
  maxExclusive = parsedExclusive;
  return true;
}

let lexKind: i32 = 0;

function parseLexBound(ptr: usize, len: i32): bool {
  if (len == 0) return false;
  const c = load<u8>(ptr);
  if (c == 43 && len == 1) lexKind = LEX_PLUS_INF; // '+'
  else if (c == 45 && len == 1) lexKind = LEX_MINUS_INF; // '-'
  else if (c == 91) lexKind = LEX_INCLUSIVE; // '['
  else if (c == 40) lexKind = LEX_EXCLUSIVE; // '('
  else return false;
  return true;
}

/** Redis's zslParseLexRange; false means ERR_NOT_LEX_RANGE. */
export function parseLexRange(minPtr: usize, minLen: i32, maxPtr: usize, maxLen: i32): bool {
  if (!parseLexBound(minPtr, minLen)) return false;
  lexMinKind = lexKind;
  lexMinPtr = minPtr + 1;
  lexMinLen = minLen - 1;
  if (!parseLexBound(maxPtr, maxLen)) return false;
  lexMaxKind = lexKind;
  lexMaxPtr = maxPtr + 1;
  lexMaxLen = maxLen - 1;
  return true;
}

/** Redis's sdscmplex: the member against a bound, where "-" sorts before and "+" after everything. */
function compareLex(m: usize, len: i32, kind: i32, ptr: usize, boundLen: i32): i32 {
  if (kind == LEX_MINUS_INF) return 1;
  if (kind == LEX_PLUS_INF) return -1;
  return compareBytes(m, len, ptr, boundLen);
}

/** Whether an element satisfies predicate `kind`; true for a prefix of the set in its order. */
export function rangePredicate(kind: i32, score: f64, m: usize, len: i32): bool {
  switch (kind) {
    case BELOW_MIN_SCORE: return minExclusive ? score <= minScore : score < minScore;
    case UP_TO_MAX_SCORE: return maxExclusive ? score < maxScore : score <= maxScore;
    case BELOW_MIN_LEX: {
      const c = compareLex(m, len, lexMinKind, lexMinPtr, lexMinLen);
      return lexMinKind == LEX_EXCLUSIVE ? c <= 0 : c < 0;
    }
    default: {
      const c = compareLex(m, len, lexMaxKind, lexMaxPtr, lexMaxLen);
      return lexMaxKind == LEX_EXCLUSIVE ? c < 0 : c <= 0;
    }
  }
}
