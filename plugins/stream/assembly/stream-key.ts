// Stream handles, consumer groups by argument index, and Redis's errors for the cases every command shares.
import { argLen, argPtr, replyErrorBytes, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findGroup, Group } from "./group";
import { Stream } from "./stream";

export { MISSING, WRONGTYPE };

// @ts-ignore: decorator
@inline export function asStream(h: f64): Stream { return changetype<Stream>(<usize>h); }

const MESSAGE_MAX: i32 = 1024;
const message = memory.data(MESSAGE_MAX);
let messageLen: i32 = 0;

function put(text: string): void {
  for (let i = 0; i < text.length && messageLen < MESSAGE_MAX; i++) store<u8>(message + messageLen++, <u8>text.charCodeAt(i));
}

/** Client bytes in an error line: cut to fit, CR/LF made spaces as addReplyErrorFormat does. */
function putArg(argv: usize, i: i32): void {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  for (let j = 0; j < len && messageLen < MESSAGE_MAX; j++) {
    const c = load<u8>(ptr + j);
    store<u8>(message + messageLen++, c == 13 || c == 10 ? 32 : c);
  }
}

/**
 * An error quoting arguments: `a` + argument i + `b` [+ argument j + `c` when j > 0], e.g. the NOGROUP
 * texts ("NOGROUP No such key 'k' or consumer group 'g'").
 */
export function replyErrorQuoting(argv: usize, a: string, i: i32, b: string, j: i32 = 0, c: string = ""): void {
  messageLen = 0;
  put(a); putArg(argv, i); put(b);
  if (j > 0) { putArg(argv, j); put(c); }
  replyErrorBytes(message, messageLen);
}

/** NOGROUP as XREADGROUP, XPENDING, XCLAIM and XAUTOCLAIM word it, with `suffix` after the group name. */
export function replyNoGroup(argv: usize, key: i32, group: i32, suffix: string = "'"): void {
  replyErrorQuoting(argv, "NOGROUP No such key '", key, "' or consumer group '", group, suffix);
}

/** The group named by argument i in the stream of handle h, or null (no such key or group). */
export function groupAt(h: f64, argv: usize, i: i32): Group | null {
  if (h < 0) return null;
  return findGroup(asStream(h).groups, argPtr(argv, i), argLen(argv, i));
}
