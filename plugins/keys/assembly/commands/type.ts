// TYPE key: the name of the type holding the key (the host knows which plugin owns it), or none.
import { argLen, argPtr, replySimple } from "ferrite-sdk";
import { keyType, replySimpleBytes, STATUS_MISSING } from "../host-keyspace";
import { readResult } from "../host-result";

export function run(_argc: i32, argv: usize): void {
  const len = keyType(argPtr(argv, 1), argLen(argv, 1));
  if (len == STATUS_MISSING) replySimple("none");
  else replySimpleBytes(readResult(len), len);
}
