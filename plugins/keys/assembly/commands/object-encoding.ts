// OBJECT ENCODING key: the name of the value's internal representation, as its owner reports it.
import { MISSING, argLen, argPtr, replyBulk, replyNull } from "ferrite-sdk";
import { keyObject, OBJECT_ENCODING } from "../host-keyspace";
import { readResult } from "../host-result";

export function run(_argc: i32, argv: usize): void {
  const len = keyObject(argPtr(argv, 2), argLen(argv, 2), OBJECT_ENCODING);
  if (len == MISSING) replyNull();
  else replyBulk(readResult(<i32>len), <i32>len);
}
