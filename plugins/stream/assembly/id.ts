// Stream IDs (<ms>-<seq>, two u64) without allocating: parsers leave the result in idMs/idSeq, the way
// the SDK's parseI64 leaves parsedI64, because AssemblyScript has no out parameters.
import { argLen, argPtr, formatI64, isSpace, replyBulk, replyError } from "ferrite-sdk";

export let idMs: u64 = 0;
export let idSeq: u64 = 0;
/** False after parsing `<ms>-*` (XADD picks the sequence), true otherwise. */
export let idSeqGiven: bool = true;

export const ERR_INVALID_ID = "ERR Invalid stream ID specified as stream command argument";

/** Longest "<u64>-<u64>". */
export const ID_MAX_CHARS: i32 = 41;
const ID_SCRATCH = memory.data(ID_MAX_CHARS);

export function compareIds(aMs: u64, aSeq: u64, bMs: u64, bSeq: u64): i32 {
  if (aMs != bMs) return aMs < bMs ? -1 : 1;
  if (aSeq != bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/** Redis's string2ull: string2ll's digits or, failing that, strtoull's (leading blanks, '+', zeros). */
function parseU64(ptr: usize, len: i32): bool {
  let i = 0;
  while (i < len && isSpace(load<u8>(ptr + i))) i++;
  if (i < len && load<u8>(ptr + i) == 43) i++;
  if (i == len) return false;
  let v: u64 = 0;
  for (; i < len; i++) {
    const d = <u64>load<u8>(ptr + i) - 48;
    if (d > 9 || v > (u64.MAX_VALUE - d) / 10) return false;
    v = v * 10 + d;
  }
  parsed = v;
  return true;
}
let parsed: u64 = 0;

/**
 * Redis's streamGenericParseIDOrReply: `-`/`+` (unless strict), `<ms>`, `<ms>-<seq>` and, when
 * `allowAutoSeq`, `<ms>-*`. A missing sequence becomes `missingSeq`. Replies the error itself when `reply`.
 */
export function parseId(ptr: usize, len: i32, strict: bool, missingSeq: u64 = 0, allowAutoSeq: bool = false, reply: bool = true): bool {
  idSeqGiven = true;
  if (len == 1 && !strict) {
    const c = load<u8>(ptr);
    if (c == 45) { idMs = 0; idSeq = 0; return true; }
    if (c == 43) { idMs = u64.MAX_VALUE; idSeq = u64.MAX_VALUE; return true; }
  }
  if (len > 127 || (strict && len == 1 && (load<u8>(ptr) == 45 || load<u8>(ptr) == 43))) return invalid(reply);
  let dash = 0;
  while (dash < len && load<u8>(ptr + dash) != 45) dash++;
  if (!parseU64(ptr, dash)) return invalid(reply);
  const ms = parsed;
  let seq = missingSeq;
  if (dash < len) {
    const rest = ptr + dash + 1, restLen = len - dash - 1;
    if (allowAutoSeq && restLen == 1 && load<u8>(rest) == 42) { seq = 0; idSeqGiven = false; }
    else if (parseU64(rest, restLen)) seq = parsed;
    else return invalid(reply);
  }
  idMs = ms;
  idSeq = seq;
  return true;
}

function invalid(reply: bool): bool {
  if (reply) replyError(ERR_INVALID_ID);
  return false;
}

export function parseIdArg(argv: usize, i: i32, strict: bool, missingSeq: u64 = 0): bool {
  return parseId(argPtr(argv, i), argLen(argv, i), strict, missingSeq);
}

/**
 * An interval bound of XRANGE/XPENDING/XAUTOCLAIM: `(id` excludes it (moving to the next or previous
 * ID). Replies the error and returns false when it cannot be parsed or stepped.
 */
export function parseBound(argv: usize, i: i32, isStart: bool): bool {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  const missingSeq = isStart ? 0 : u64.MAX_VALUE;
  const exclusive = len > 1 && load<u8>(ptr) == 40;
  if (!exclusive) return parseId(ptr, len, false, missingSeq);
  if (!parseId(ptr + 1, len - 1, true, missingSeq)) return false;
  if (isStart ? incrId() : decrId()) return true;
  replyError(isStart ? "ERR invalid start ID for the interval" : "ERR invalid end ID for the interval");
  return false;
}

/** idMs/idSeq + 1; false on overflow past the largest ID. */
export function incrId(): bool {
  if (idSeq != u64.MAX_VALUE) { idSeq++; return true; }
  if (idMs == u64.MAX_VALUE) return false;
  idMs++;
  idSeq = 0;
  return true;
}

/** idMs/idSeq - 1; false below 0-0. */
export function decrId(): bool {
  if (idSeq != 0) { idSeq--; return true; }
  if (idMs == 0) return false;
  idMs--;
  idSeq = u64.MAX_VALUE;
  return true;
}

/** Writes "<ms>-<seq>" at dst (room for ID_MAX_CHARS); returns the length. */
export function formatId(ms: u64, seq: u64, dst: usize): i32 {
  const n = formatU64(ms, dst);
  store<u8>(dst + n, 45);
  return n + 1 + formatU64(seq, dst + n + 1);
}

function formatU64(v: u64, dst: usize): i32 {
  if (v <= <u64>i64.MAX_VALUE) return formatI64(<i64>v, dst);
  const n = formatI64(<i64>(v / 10), dst);
  store<u8>(dst + n, <u8>(48 + v % 10));
  return n + 1;
}

export function replyId(ms: u64, seq: u64): void {
  replyBulk(ID_SCRATCH, formatId(ms, seq, ID_SCRATCH));
}

/** Sets idMs/idSeq (imported bindings are read-only to other modules). */
export function setId(ms: u64, seq: u64): void {
  idMs = ms;
  idSeq = seq;
}
