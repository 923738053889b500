// SETNX key value
import { argLen, argPtr, replyInt, SET_NX } from "ferrite-sdk";
import { storeString } from "../string-key";
import { strCreate } from "../value";

export function run(_argc: i32, argv: usize): void {
  replyInt(storeString(argv, 1, strCreate(argPtr(argv, 2), argLen(argv, 2)), SET_NX) ? 1 : 0);
}
