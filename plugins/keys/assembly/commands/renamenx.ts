// RENAMENX key newkey: RENAME only when newkey does not exist; 1 renamed, 0 not.
import { ERR_NO_SUCH_KEY, RENAME_NX, STATUS_MISSING, argLen, argPtr, keyRename, replyError, replyInt } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const renamed = keyRename(argPtr(argv, 1), argLen(argv, 1), argPtr(argv, 2), argLen(argv, 2), RENAME_NX);
  if (renamed == STATUS_MISSING) replyError(ERR_NO_SUCH_KEY);
  else replyInt(renamed);
}
