// Splitting text into terms as RediSearch's default tokenizer does: separators are blanks and ASCII
// punctuation other than `_` (a backslash escapes the next byte into the term), terms are lower-cased
// (ASCII; other UTF-8 bytes are kept as they are, see ADR 0034) and cut at MAX_TERM bytes. Used for
// documents and for query terms alike, so both sides agree.

export const MAX_TERM: i32 = 128;

const SEPARATORS = memory.data(256);
let ready = false;

function init(): void {
  const s = " \t\n\r\x0b\x0c,.<>{}[]\"':;!@#$%^&*()-+=~/|?`";
  for (let i = 0; i < s.length; i++) store<u8>(SEPARATORS + <usize>s.charCodeAt(i), 1);
  ready = true;
}

export function isSeparator(c: u32): bool {
  if (!ready) init();
  return c < 256 && load<u8>(SEPARATORS + <usize>c) != 0;
}

const term = memory.data(MAX_TERM);
export let tokPtr: usize = term;
export let tokLen: i32 = 0;
/** The byte offsets in the text where the last term started and ended. */
export let tokStart: i32 = 0;
export let tokEnd: i32 = 0;

let at: usize = 0;
let end: usize = 0;
let textStart: usize = 0;

export function tokenizeBegin(ptr: usize, len: i32): void {
  at = ptr;
  textStart = ptr;
  end = ptr + <usize>len;
  if (!ready) init();
}

/** The next term into tokPtr/tokLen; false at the end of the text. */
export function nextToken(): bool {
  while (true) {
    while (at < end && isSeparator(load<u8>(at))) at++;
    if (at >= end) return false;
    tokStart = <i32>(at - textStart);
    let n = 0;
    while (at < end) {
      let c = <u32>load<u8>(at);
      if (c == 92 && at + 1 < end) { // backslash: the next byte is part of the term
        at++;
        c = <u32>load<u8>(at);
      } else if (isSeparator(c)) break;
      at++;
      if (c >= 65 && c <= 90) c += 32;
      if (n < MAX_TERM) store<u8>(term + <usize>(n++), <u8>c);
    }
    if (n > 0) {
      tokLen = n;
      tokEnd = <i32>(at - textStart);
      return true;
    }
  }
  return false;
}

/** Lower-cases `len` bytes at `ptr` into the term buffer (a query term taken whole). */
export function lowerTerm(ptr: usize, len: i32): void {
  tokLen = min(len, MAX_TERM);
  for (let i = 0; i < tokLen; i++) {
    let c = <u32>load<u8>(ptr + <usize>i);
    if (c >= 65 && c <= 90) c += 32;
    store<u8>(term + <usize>i, <u8>c);
  }
}
