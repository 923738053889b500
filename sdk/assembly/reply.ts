// Replies, written straight into the client's output buffer by the host. Texts given as string
// literals are converted to ASCII in a static scratch buffer: no allocation per call.

import {
  reply_simple, reply_ok, reply_error, reply_int, reply_small_int, reply_bulk, reply_null,
  reply_null_array, reply_array, reply_map, reply_set, reply_double, reply_bool, reply_protocol,
} from "./host.generated";
import { ERR_WRONGTYPE } from "./errors";

const TEXT_MAX: i32 = 1024;
const textScratch = memory.data(TEXT_MAX);

/** Copies an ASCII string literal into the scratch buffer; returns its byte length. */
function asciiToScratch(text: string): i32 {
  const len = min(text.length, TEXT_MAX);
  const src = changetype<usize>(text);
  for (let i = 0; i < len; i++) store<u8>(textScratch + i, <u8>load<u16>(src + (<usize>i << 1)));
  return len;
}

export function replyOk(): void { reply_ok(); }

/** `+text`; the text must not contain CR or LF. */
export function replySimple(text: string): void { reply_simple(<i32>textScratch, asciiToScratch(text)); }

/** `-CODE text`, e.g. replyError(ERR_SYNTAX) or replyError("ERR invalid expire time in 'set' command"). */
export function replyError(text: string): void { reply_error(<i32>textScratch, asciiToScratch(text)); }

/** An error whose text is already bytes in memory (built at run time). */
export function replyErrorBytes(ptr: usize, len: i32): void { reply_error(<i32>ptr, len); }

export function replyWrongType(): void { replyError(ERR_WRONGTYPE); }

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
export function replyBool(value: bool): void { reply_bool(value ? 1 : 0); }

/** The calling client's RESP version: 2 or 3. */
export function protocol(): i32 { return reply_protocol(); }
