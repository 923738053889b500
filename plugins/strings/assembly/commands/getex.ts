// GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST]
import { argLen, argPtr, keyFindArg, keySetExpire, MISSING, NO_EXPIRE, WRONGTYPE } from "ferrite-sdk";
import { expireAtMs } from "../expire";
import { FOR_GETEX, OPT_ANY_EXPIRE, OPT_PERSIST, parseSetOptions, setOptions } from "../set-options";
import { replyFound } from "../string-key";
import { STRING_TYPE } from "../value";

export function run(argc: i32, argv: usize): void {
  if (!parseSetOptions(argv, argc, 2, FOR_GETEX, "ERR invalid expire time in 'getex' command")) return;
  const h = keyFindArg(argv, 1, STRING_TYPE);
  replyFound(h);
  if (h == MISSING || h == WRONGTYPE) return;
  // A time already past deletes the key at once (the host's key_set_expire rule), as Redis does.
  if (setOptions & OPT_ANY_EXPIRE) keySetExpire(argPtr(argv, 1), argLen(argv, 1), <f64>expireAtMs);
  else if (setOptions & OPT_PERSIST) keySetExpire(argPtr(argv, 1), argLen(argv, 1), NO_EXPIRE);
}
