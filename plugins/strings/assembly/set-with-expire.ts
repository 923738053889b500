// SETEX and PSETEX: SET with a mandatory relative expiry before the value.

import { argLen, argPtr, keySetExpire, replyOk } from "ferrite-sdk";
import { expireAtMs, parseExpireAt } from "./expire";
import { storeString } from "./string-key";
import { strCreate } from "./value";
import { SET } from "./events";

export function setWithExpire(argv: usize, seconds: bool, invalidText: string): void {
  if (!parseExpireAt(argv, 2, seconds, true, invalidText)) return;
  storeString(argv, 1, strCreate(argPtr(argv, 3), argLen(argv, 3)));
  SET.emitArg(argv, 1);
  keySetExpire(argPtr(argv, 1), argLen(argv, 1), <f64>expireAtMs);
  replyOk();
}
