// Splits an inline request line into arguments with Redis's sdssplitargs rules, decoding in place.
import type { ArgList } from "./arg-list.js";
import { ProtocolError } from "./protocol-errors.js";

const BACKSLASH = 0x5c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** isspace() in the C locale: what sdssplitargs skips between arguments. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** The byte at i, or 0 past the end: the C string terminator sdssplitargs looks ahead to. */
function at(buf: Uint8Array, end: number, i: number): number {
  return i < end ? buf[i] : 0;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The byte a \xHH escape at p stands for, or -1 when p does not start one. */
function hexEscape(buf: Uint8Array, end: number, p: number): number {
  if (at(buf, end, p + 1) !== 0x78) return -1;
  const high = hexValue(at(buf, end, p + 2));
  const low = hexValue(at(buf, end, p + 3));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

function escaped(c: number): number {
  switch (c) {
    case 0x6e: return 0x0a; // \n
    case 0x72: return 0x0d; // \r
    case 0x74: return 0x09; // \t
    case 0x62: return 0x08; // \b
    case 0x61: return 0x07; // \a
    default: return c;
  }
}

/**
 * Appends the arguments of buf[start, end) to `args`. The line holds no NUL (the caller stops its
 * newline search at one, as Redis's strchr does), so `end` plays the C string terminator. Decoded
 * bytes are written over the line itself: an argument never decodes longer than its source text,
 * so the write position never overtakes the read position, and no per-argument buffer is needed.
 */
export function splitInlineArgs(buf: Uint8Array, start: number, end: number, args: ArgList): void {
  let p = start;
  for (;;) {
    while (p < end && isSpace(buf[p])) p++;
    if (p === end) return;
    const argStart = p;
    let w = p;
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = at(buf, end, p);
      if (inDouble) {
        const hex = c === BACKSLASH ? hexEscape(buf, end, p) : -1;
        if (hex >= 0) {
          buf[w++] = hex;
          p += 3;
        } else if (c === BACKSLASH && at(buf, end, p + 1) !== 0) {
          p++;
          buf[w++] = escaped(buf[p]);
        } else if (c === DOUBLE_QUOTE) {
          closeQuote(at(buf, end, p + 1));
          done = true;
        } else if (c === 0) {
          throw unbalanced();
        } else {
          buf[w++] = c;
        }
      } else if (inSingle) {
        if (c === BACKSLASH && at(buf, end, p + 1) === SINGLE_QUOTE) {
          p++;
          buf[w++] = SINGLE_QUOTE;
        } else if (c === SINGLE_QUOTE) {
          closeQuote(at(buf, end, p + 1));
          done = true;
        } else if (c === 0) {
          throw unbalanced();
        } else {
          buf[w++] = c;
        }
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
        done = true;
      } else if (c === DOUBLE_QUOTE) {
        inDouble = true;
      } else if (c === SINGLE_QUOTE) {
        inSingle = true;
      } else {
        buf[w++] = c;
      }
      if (p < end) p++;
    }
    args.push(argStart, w - argStart);
  }
}

// A closing quote must end the argument: "a"b is refused rather than read as one or two arguments.
function closeQuote(next: number): void {
  if (next !== 0 && !isSpace(next)) throw unbalanced();
}

function unbalanced(): ProtocolError {
  return new ProtocolError("Protocol error: unbalanced quotes in request");
}
