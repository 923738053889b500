// TYPE key: the name of the type holding the key (the host knows which plugin owns it), or none.
import { STATUS_MISSING, argLen, argPtr, keyType, replySimple, replySimpleBytes, resultBytes } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const len = keyType(argPtr(argv, 1), argLen(argv, 1));
  if (len == STATUS_MISSING) replySimple("none");
  else replySimpleBytes(resultBytes(len), len);
}
