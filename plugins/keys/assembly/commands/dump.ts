// DUMP key: the value serialized by its owner, in the host's payload format (not Redis's RDB); null
// without the key.
import { STATUS_MISSING, argLen, argPtr, keyDump, replyBulk, replyNull, resultBytes } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const len = keyDump(argPtr(argv, 1), argLen(argv, 1));
  if (len == STATUS_MISSING) replyNull();
  else replyBulk(resultBytes(len), len);
}
