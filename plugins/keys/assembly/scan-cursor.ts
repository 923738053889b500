// SCAN's cursor argument and reply, as Redis reads (strtoul) and writes them.
import { formatI64, I64_MAX_CHARS, replyBulk } from "ferrite-sdk";

/** The cursor of the last successful parseCursor. */
export let parsedCursor: f64 = 0;

/**
 * strtoul's rules with Redis's extra checks: no leading space, optional sign ("-1" wraps around as C
 * does), decimal digits up to the u64 range, nothing after them; "" is cursor 0.
 */
export function parseCursor(ptr: usize, len: i32): bool {
  let i = 0;
  const first = len > 0 ? load<u8>(ptr) : 0;
  const negative = first == 45; // '-'
  if (negative || first == 43) i = 1; // '+'
  if (i == len && len > 0) return false; // a sign alone: strtoul reads nothing and stops on it
  let v: u64 = 0;
  for (; i < len; i++) {
    const d = <u64>load<u8>(ptr + i) - 48;
    if (d > 9) return false;
    if (v > (u64.MAX_VALUE - d) / 10) return false;
    v = v * 10 + d;
  }
  parsedCursor = <f64>(negative ? <u64>0 - v : v);
  return true;
}

const digits = memory.data(I64_MAX_CHARS);

/** The cursor as Redis sends it: a bulk string of its decimal digits. */
export function replyCursor(cursor: f64): void {
  replyBulk(digits, formatI64(<i64>cursor, digits));
}
