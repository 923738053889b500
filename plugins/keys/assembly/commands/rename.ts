// RENAME key newkey: the value and its TTL move to newkey, replacing whatever it held.
import { ERR_NO_SUCH_KEY, STATUS_MISSING, argLen, argPtr, keyRename, replyError, replyOk } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const renamed = keyRename(argPtr(argv, 1), argLen(argv, 1), argPtr(argv, 2), argLen(argv, 2));
  if (renamed == STATUS_MISSING) replyError(ERR_NO_SUCH_KEY);
  else replyOk();
}
