// Error texts of the keyspace commands that the SDK's shared list does not carry, byte for byte as Redis.
import { replyErrorBytes } from "ferrite-sdk";

export const ERR_SAME_OBJECT = "ERR source and destination objects are the same";
export const ERR_DB_RANGE = "ERR DB index is out of range";
export const ERR_INVALID_CURSOR = "ERR invalid cursor";
export const ERR_BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";
export const ERR_BUSYKEY = "BUSYKEY Target key name already exists.";

let scratchPtr: usize = 0;
let scratchSize: i32 = 0;

/**
 * `prefix` followed by a client argument, e.g. "ERR Unsupported option " + the option. CR and LF become
 * spaces, as Redis's addReplyErrorFormat does, because an error reply is one line.
 */
export function replyErrorWithArg(prefix: string, arg: usize, argLen: i32): void {
  const len = prefix.length + argLen;
  if (len > scratchSize) {
    if (scratchPtr != 0) heap.free(scratchPtr);
    scratchSize = max(len, 256);
    scratchPtr = heap.alloc(<usize>scratchSize);
  }
  const text = changetype<usize>(prefix);
  for (let i = 0; i < prefix.length; i++) store<u8>(scratchPtr + i, <u8>load<u16>(text + (<usize>i << 1)));
  for (let i = 0; i < argLen; i++) {
    const c = load<u8>(arg + i);
    store<u8>(scratchPtr + prefix.length + i, c == 13 || c == 10 ? 32 : c);
  }
  replyErrorBytes(scratchPtr, len);
}
