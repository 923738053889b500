// BY and GET patterns, as Redis's lookupKeyByPattern: `#` is the element itself; otherwise the first
// `*` takes the element, and a `->field` after it reads a hash field instead of a string. The value is
// fetched from the plugin that owns the key, through call_command (GET key / HGET key field).
import { RESP_BULK, callArg, callBegin, callArgLiteral, callArgSpace, callReply, callRun, respBegin, respLen, respNext, respPtr } from "ferrite-sdk";

/** Where the last successful lookup's value is: the element, or the reply buffer until the next call. */
export let foundPtr: usize = 0;
export let foundLen: i32 = 0;

/** Redis scans patterns with strchr/strstr: a NUL byte ends what they see. */
function cLength(ptr: usize, len: i32): i32 {
  for (let i = 0; i < len; i++) if (load<u8>(ptr + i) == 0) return i;
  return len;
}

function indexOf(ptr: usize, from: i32, to: i32, c: u8): i32 {
  for (let i = from; i < to; i++) if (load<u8>(ptr + i) == c) return i;
  return -1;
}

/** First "->" in [from, to), or -1. */
function arrowAt(ptr: usize, from: i32, to: i32): i32 {
  for (let i = from; i + 1 < to; i++) if (load<u8>(ptr + i) == 45 && load<u8>(ptr + i + 1) == 62) return i;
  return -1;
}

/**
 * Looks the pattern up for one element. False when it finds nothing: no `*` in the pattern, a missing
 * key or field, or a key of another type (its WRONGTYPE reply counts as nothing, as in Redis).
 */
export function lookup(pat: usize, patLen: i32, elem: usize, elemLen: i32): bool {
  const visible = cLength(pat, patLen);
  if (visible == 1 && load<u8>(pat) == 35) { // "#"
    foundPtr = elem;
    foundLen = elemLen;
    return true;
  }
  const star = indexOf(pat, 0, visible, 42);
  if (star < 0) return false;
  const arrow = arrowAt(pat, star + 1, visible);
  const isField = arrow >= 0 && arrow + 2 < visible; // "key->" with nothing after is a plain key
  const postfixEnd = isField ? arrow : patLen;

  callBegin();
  callArgLiteral(isField ? "HGET" : "GET");
  const postfixLen = postfixEnd - star - 1;
  const key = callArgSpace(star + elemLen + postfixLen);
  memory.copy(key, pat, <usize>star);
  memory.copy(key + <usize>star, elem, <usize>elemLen);
  memory.copy(key + <usize>(star + elemLen), pat + <usize>(star + 1), <usize>postfixLen);
  if (isField) callArg(pat + <usize>(arrow + 2), patLen - arrow - 2);
  const n = callRun();
  respBegin(callReply(), n);
  if (respNext() != RESP_BULK) return false;
  foundPtr = respPtr;
  foundLen = respLen;
  return true;
}
