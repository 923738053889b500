// SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL]
import { argLen, argPtr, keyFindArg, keySetExpire, replyNull, replyOk, SET_KEEPTTL, SET_NX, SET_XX } from "ferrite-sdk";
import { expireAtMs } from "../expire";
import {
  FOR_SET, OPT_ANY_EXPIRE, OPT_GET, OPT_KEEPTTL, OPT_NX, OPT_XX, parseSetOptions, setOptions,
} from "../set-options";
import { replyFound, storeString } from "../string-key";
import { STRING_TYPE, strCreate } from "../value";
import { SET } from "../events";

export function run(argc: i32, argv: usize): void {
  if (!parseSetOptions(argv, argc, 3, FOR_SET, "ERR invalid expire time in 'set' command")) return;
  const opts = setOptions;
  // With GET the old value is the reply, whether or not NX/XX then lets the write happen.
  if (opts & OPT_GET && !replyFound(keyFindArg(argv, 1, STRING_TYPE))) return;
  const setFlags = (opts & OPT_NX ? SET_NX : 0) | (opts & OPT_XX ? SET_XX : 0) | (opts & OPT_KEEPTTL ? SET_KEEPTTL : 0);
  const bound = storeString(argv, 1, strCreate(argPtr(argv, 2), argLen(argv, 2)), setFlags);
  if (bound) SET.emitArg(argv, 1);
  if (bound && opts & OPT_ANY_EXPIRE) keySetExpire(argPtr(argv, 1), argLen(argv, 1), <f64>expireAtMs);
  if (opts & OPT_GET) return;
  if (bound) replyOk();
  else replyNull();
}
