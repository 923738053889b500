// Redis's glob matcher (util.c stringmatchlen) over bytes, kept structurally identical so KEYS, SCAN MATCH
// and PSUBSCRIBE agree with Redis on every odd pattern — including its quirks: a byte past the end of
// the pattern reads as 0 (C's NUL terminator), range bounds compare as signed chars, an unclosed `[`
// behaves as if closed at the end, and a trailing lone `\` matches a literal backslash.
// Like stringmatchlen, "*" does not match the empty string: KEYS and SCAN skip matching entirely when
// the pattern is exactly "*", and callers that mean "all keys" must do the same.

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const BACKSLASH = 0x5c;
/** Redis's guard against patterns that would recurse too deep. */
const MAX_NESTING = 1000;

/**
 * Set once the pattern's tail after a `*` failed at every remaining position: earlier stars need not try
 * longer matches (Redis's fix for exponential backtracking). Module state rather than an object per call,
 * since matching is synchronous and never re-entered.
 */
let skipLongerMatches = false;

export function globMatch(
  pattern: Uint8Array,
  pOff: number,
  pLen: number,
  str: Uint8Array,
  sOff: number,
  sLen: number,
  nocase = false,
): boolean {
  skipLongerMatches = false;
  return matchFrom(pattern, pOff, pOff + pLen, str, sOff, sOff + sLen, nocase, 0);
}

function matchFrom(
  pattern: Uint8Array,
  p: number,
  pEnd: number,
  str: Uint8Array,
  s: number,
  sEnd: number,
  nocase: boolean,
  nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;

  while (p < pEnd && s < sEnd) {
    switch (pattern[p]) {
      case STAR:
        while (p < pEnd && byteAt(pattern, p + 1, pEnd) === STAR) p++;
        if (pEnd - p === 1) return true;
        while (s < sEnd) {
          if (matchFrom(pattern, p + 1, pEnd, str, s, sEnd, nocase, nesting + 1)) return true;
          // The rest of the pattern fails from every later position too, so no earlier `*` can help.
          if (skipLongerMatches) return false;
          s++;
        }
        skipLongerMatches = true;
        return false;
      case QUESTION:
        s++;
        break;
      case OPEN: {
        p++;
        const not = byteAt(pattern, p, pEnd) === CARET;
        if (not) p++;
        let match = false;
        const c = str[s]!;
        for (;;) {
          if (byteAt(pattern, p, pEnd) === BACKSLASH && pEnd - p >= 2) {
            p++;
            if (pattern[p] === c) match = true;
          } else if (byteAt(pattern, p, pEnd) === CLOSE) {
            break;
          } else if (p >= pEnd) {
            p--;
            break;
          } else if (pEnd - p >= 3 && pattern[p + 1] === DASH) {
            let start = signedChar(pattern[p]!);
            let end = signedChar(pattern[p + 2]!);
            let ch = signedChar(c);
            if (start > end) {
              const swap = start;
              start = end;
              end = swap;
            }
            if (nocase) {
              start = lower(start);
              end = lower(end);
              ch = lower(ch);
            }
            p += 2;
            if (ch >= start && ch <= end) match = true;
          } else if (nocase ? lower(pattern[p]!) === lower(c) : pattern[p] === c) {
            match = true;
          }
          p++;
        }
        if (not) match = !match;
        if (!match) return false;
        s++;
        break;
      }
      case BACKSLASH:
        if (pEnd - p >= 2) p++;
        if (!equalByte(pattern[p]!, str[s]!, nocase)) return false;
        s++;
        break;
      default:
        if (!equalByte(pattern[p]!, str[s]!, nocase)) return false;
        s++;
        break;
    }
    p++;
    if (s === sEnd) {
      while (byteAt(pattern, p, pEnd) === STAR) p++;
      break;
    }
  }
  return p === pEnd && s === sEnd;
}

/** The pattern byte at `i`, or 0 past the end, as C reads the NUL terminator there. */
function byteAt(pattern: Uint8Array, i: number, pEnd: number): number {
  return i < pEnd ? pattern[i]! : 0;
}

function equalByte(a: number, b: number, nocase: boolean): boolean {
  return nocase ? lower(a) === lower(b) : a === b;
}

/** C `tolower` in the "C" locale: only ASCII letters change. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** Redis compares range bounds as `char`, which is signed in its x86-64 Linux builds. */
function signedChar(c: number): number {
  return (c << 24) >> 24;
}
