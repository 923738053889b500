// OBJECT IDLETIME and REFCOUNT: an integer from key_object, or null without the key.
import { MISSING, argLen, argPtr, keyObject, replyInt, replyNull } from "ferrite-sdk";

export function replyObjectField(argv: usize, field: i32): void {
  const value = keyObject(argPtr(argv, 2), argLen(argv, 2), field);
  if (value == MISSING) replyNull();
  else replyInt(<i64>value);
}
