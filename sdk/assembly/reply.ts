// Replies, written straight into the client's output buffer by the host. Texts given as string
// literals are converted to ASCII in a static scratch buffer: no allocation per call.

import {
  reply_simple, reply_ok, reply_error, reply_int, reply_small_int, reply_bulk, reply_null, reply_null_array,
  reply_array, reply_map, reply_set, reply_double, reply_double_text, reply_bool, reply_protocol,
} from "./host.generated";
import { argLen, argPtr, lowerAscii } from "./args";
import { ERR_WRONGTYPE } from "./errors";
import { asciiTo } from "./ascii";

const TEXT_MAX: i32 = 1024;
const textScratch = memory.data(TEXT_MAX);

/** Copies an ASCII string literal into the scratch buffer; returns its byte length. */
function asciiToScratch(text: string): i32 {
  const len = min(text.length, TEXT_MAX);
  asciiTo(textScratch, text, len);
  return len;
}

export function replyOk(): void { reply_ok(); }

/** `+text`; the text must not contain CR or LF. */
export function replySimple(text: string): void { reply_simple(<i32>textScratch, asciiToScratch(text)); }

/** `+text` from bytes in memory (built at run time, e.g. a type name); no CR or LF. */
export function replySimpleBytes(ptr: usize, len: i32): void { reply_simple(<i32>ptr, len); }

/** `-CODE text`, e.g. replyError(ERR_SYNTAX) or replyError("ERR invalid expire time in 'set' command"). */
export function replyError(text: string): void { reply_error(<i32>textScratch, asciiToScratch(text)); }

/** An error whose text is already bytes in memory (built at run time). */
export function replyErrorBytes(ptr: usize, len: i32): void { reply_error(<i32>ptr, len); }

/**
 * `prefix` followed by a client's bytes, e.g. replyErrorWithArg("ERR Unsupported option ", ptr, len).
 * CR and LF become spaces, as in Redis's addReplyErrorFormat, because an error reply is one line. The
 * bytes are the client's, so their length has no bound: past the scratch buffer, a block lives for the call.
 */
export function replyErrorWithArg(prefix: string, ptr: usize, len: i32): void {
  const total = prefix.length + len;
  const text = total <= TEXT_MAX ? textScratch : heap.alloc(<usize>total);
  asciiTo(text, prefix, prefix.length);
  const arg = text + <usize>prefix.length;
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + i);
    store<u8>(arg + i, c == 13 || c == 10 ? 32 : c);
  }
  reply_error(<i32>text, total);
  if (text != textScratch) heap.free(text);
}

export function replyWrongType(): void { replyError(ERR_WRONGTYPE); }

const ARITY_BEFORE = "ERR wrong number of arguments for '";
const ARITY_AFTER = "' command";

/**
 * Redis's arity error for the running command, for a count the manifest's arity cannot express (MSET's
 * pairs, LPOP's at most 3): "ERR wrong number of arguments for 'mset' command". Redis names the command
 * by its lower-case name, whatever case the client sent, so argument 0 is lower-cased.
 */
export function replyArityError(argv: usize): void {
  const name = argPtr(argv, 0);
  const nameLen = min(argLen(argv, 0), TEXT_MAX - ARITY_BEFORE.length - ARITY_AFTER.length);
  asciiTo(textScratch, ARITY_BEFORE, ARITY_BEFORE.length);
  let at = textScratch + <usize>ARITY_BEFORE.length;
  for (let i = 0; i < nameLen; i++) store<u8>(at + i, <u8>lowerAscii(<u32>load<u8>(name + i)));
  at += <usize>nameLen;
  asciiTo(at, ARITY_AFTER, ARITY_AFTER.length);
  reply_error(<i32>textScratch, <i32>(at - textScratch) + ARITY_AFTER.length);
}

/** `:n`, crossing the boundary as an i32 whenever it fits (an i64 costs a BigInt on the host). */
export function replyInt(value: i64): void {
  if (value == <i64><i32>value) reply_small_int(<i32>value);
  else reply_int(value);
}

export function replyBulk(ptr: usize, len: i32): void { reply_bulk(<i32>ptr, len); }
export function replyNull(): void { reply_null(); }
export function replyNullArray(): void { reply_null_array(); }
export function replyArray(count: i32): void { reply_array(count); }
export function replyMap(pairs: i32): void { reply_map(pairs); }
export function replySet(count: i32): void { reply_set(count); }
export function replyDouble(value: f64): void { reply_double(value); }
/** A double in your own text (host API 1.1): RESP3 `,text`, a bulk string in RESP2. */
export function replyDoubleText(ptr: usize, len: i32): void { reply_double_text(<i32>ptr, len); }
export function replyBool(value: bool): void { reply_bool(value ? 1 : 0); }

/** The calling client's RESP version: 2 or 3. */
export function protocol(): i32 { return reply_protocol(); }
