// SETNX key value
import { argLen, argPtr, replyInt, SET_NX } from "ferrite-sdk";
import { storeString } from "../string-key";
import { strCreate } from "../value";
import { SET } from "../events";

export function run(_argc: i32, argv: usize): void {
  const stored = storeString(argv, 1, strCreate(argPtr(argv, 2), argLen(argv, 2)), SET_NX);
  if (stored) SET.emitArg(argv, 1);
  replyInt(stored ? 1 : 0);
}
