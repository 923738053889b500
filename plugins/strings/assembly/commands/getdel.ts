// GETDEL key
import { argLen, argPtr, keyDelete, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findString, replyFound } from "../string-key";

export function run(_argc: i32, argv: usize): void {
  const h = findString(argv, 1);
  replyFound(h);
  if (h != MISSING && h != WRONGTYPE) keyDelete(argPtr(argv, 1), argLen(argv, 1));
}
