// OBJECT FREQ, IDLETIME and REFCOUNT: an integer from key_object, null without the key, or the host's
// error when the maxmemory policy does not track that field.
import { MISSING, UNTRACKED, argLen, argPtr, keyObject, replyInt, replyNull, replyObjectUntracked } from "ferrite-sdk";

export function replyObjectField(argv: usize, field: i32): void {
  const value = keyObject(argPtr(argv, 2), argLen(argv, 2), field);
  if (value == MISSING) replyNull();
  else if (value == UNTRACKED) replyObjectUntracked();
  else replyInt(<i64>value);
}
