// DUMP key: the value serialized by its owner, in the host's payload format (not Redis's RDB); null
// without the key.
import { argLen, argPtr, replyBulk, replyNull } from "ferrite-sdk";
import { keyDump, STATUS_MISSING } from "../host-keyspace";
import { readResult } from "../host-result";

export function run(_argc: i32, argv: usize): void {
  const len = keyDump(argPtr(argv, 1), argLen(argv, 1));
  if (len == STATUS_MISSING) replyNull();
  else replyBulk(readResult(len), len);
}
