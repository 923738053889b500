// GETSET key value: SET key value GET, clearing the TTL.
import { argLen, argPtr, keyFindArg } from "ferrite-sdk";
import { replyFound, storeString } from "../string-key";
import { STRING_TYPE, strCreate } from "../value";
import { SET } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!replyFound(keyFindArg(argv, 1, STRING_TYPE))) return;
  storeString(argv, 1, strCreate(argPtr(argv, 2), argLen(argv, 2)));
  SET.emitArg(argv, 1);
}
