// Redis's glob matcher (util.c stringmatchlen) over bytes in plugin memory, kept structurally identical
// to the host's runtime/src/keyspace/glob.ts so HSCAN/SSCAN/ZSCAN MATCH agree with SCAN and with Redis
// on every odd pattern: a byte past the end of the pattern reads as 0 (C's NUL terminator), range
// bounds compare as signed chars, an unclosed `[` behaves as if closed at the end, and a trailing
// lone `\` matches a literal backslash. Like stringmatchlen, "*" does not match the empty string, so a
// caller meaning "everything" (MATCH *) should skip matching, as Redis's scanGenericCommand does.

const STAR: u32 = 0x2a;
const QUESTION: u32 = 0x3f;
const OPEN: u32 = 0x5b;
const CLOSE: u32 = 0x5d;
const CARET: u32 = 0x5e;
const DASH: u32 = 0x2d;
const BACKSLASH: u32 = 0x5c;
/** Redis's guard against patterns that would recurse too deep. */
const MAX_NESTING: i32 = 1000;

/**
 * Set once the pattern's tail after a `*` failed at every remaining position: earlier stars need not try
 * longer matches (Redis's fix for exponential backtracking).
 */
let skipLongerMatches = false;

/** True when the `len` bytes at `str` match the glob `pattern` (`patternLen` bytes). */
export function globMatch(pattern: usize, patternLen: i32, str: usize, len: i32, nocase: bool = false): bool {
  skipLongerMatches = false;
  return matchFrom(pattern, pattern + <usize>patternLen, str, str + <usize>len, nocase, 0);
}

function matchFrom(p: usize, pEnd: usize, s: usize, sEnd: usize, nocase: bool, nesting: i32): bool {
  if (nesting > MAX_NESTING) return false;
  while (p < pEnd && s < sEnd) {
    const pc = <u32>load<u8>(p);
    if (pc == STAR) {
      while (p < pEnd && byteAt(p + 1, pEnd) == STAR) p++;
      if (pEnd - p == 1) return true;
      while (s < sEnd) {
        if (matchFrom(p + 1, pEnd, s, sEnd, nocase, nesting + 1)) return true;
        // The rest of the pattern fails from every later position too, so no earlier `*` can help.
        if (skipLongerMatches) return false;
        s++;
      }
      skipLongerMatches = true;
      return false;
    } else if (pc == QUESTION) {
      s++;
    } else if (pc == OPEN) {
      p++;
      const not = byteAt(p, pEnd) == CARET;
      if (not) p++;
      let match = false;
      const c = <u32>load<u8>(s);
      for (;;) {
        if (byteAt(p, pEnd) == BACKSLASH && pEnd - p >= 2) {
          p++;
          if (<u32>load<u8>(p) == c) match = true;
        } else if (byteAt(p, pEnd) == CLOSE) {
          break;
        } else if (p >= pEnd) {
          p--;
          break;
        } else if (pEnd - p >= 3 && <u32>load<u8>(p + 1) == DASH) {
          let start = signedChar(load<u8>(p));
          let end = signedChar(load<u8>(p + 2));
          let ch = signedChar(<u8>c);
          if (start > end) { const swap = start; start = end; end = swap; }
          if (nocase) { start = lower(start); end = lower(end); ch = lower(ch); }
          p += 2;
          if (ch >= start && ch <= end) match = true;
        } else if (equalByte(<u32>load<u8>(p), c, nocase)) {
          match = true;
        }
        p++;
      }
      if (not) match = !match;
      if (!match) return false;
      s++;
    } else {
      if (pc == BACKSLASH && pEnd - p >= 2) p++;
      if (!equalByte(<u32>load<u8>(p), <u32>load<u8>(s), nocase)) return false;
      s++;
    }
    p++;
    if (s == sEnd) {
      while (byteAt(p, pEnd) == STAR) p++;
      break;
    }
  }
  return p == pEnd && s == sEnd;
}

/** The pattern byte at `p`, or 0 past the end, as C reads the NUL terminator there. */
// @ts-ignore: decorator
@inline function byteAt(p: usize, pEnd: usize): u32 { return p < pEnd ? <u32>load<u8>(p) : 0; }

// @ts-ignore: decorator
@inline function equalByte(a: u32, b: u32, nocase: bool): bool { return nocase ? lower(<i32>a) == lower(<i32>b) : a == b; }

/** C `tolower` in the "C" locale: only ASCII letters change. */
// @ts-ignore: decorator
@inline function lower(c: i32): i32 { return c >= 0x41 && c <= 0x5a ? c + 0x20 : c; }

/** Redis compares range bounds as `char`, which is signed in its x86-64 Linux builds. */
// @ts-ignore: decorator
@inline function signedChar(c: u8): i32 { return <i32><i8>c; }
