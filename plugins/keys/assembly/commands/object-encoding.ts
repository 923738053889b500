// OBJECT ENCODING key: the name of the value's internal representation, as its owner reports it.
import { MISSING, OBJECT_ENCODING, argLen, argPtr, keyObject, replyBulk, replyNull, resultBytes } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const len = keyObject(argPtr(argv, 2), argLen(argv, 2), OBJECT_ENCODING);
  if (len == MISSING) replyNull();
  else replyBulk(resultBytes(<i32>len), <i32>len);
}
