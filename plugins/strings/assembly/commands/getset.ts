// GETSET key value: SET key value GET, clearing the TTL.
import { argLen, argPtr } from "ferrite-sdk";
import { findString, replyFound, storeString } from "../string-key";
import { strCreate } from "../value";
import { SET } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!replyFound(findString(argv, 1))) return;
  storeString(argv, 1, strCreate(argPtr(argv, 2), argLen(argv, 2)));
  SET.emitArg(argv, 1);
}
