// FT.DICTADD dict term [term ...]: adds terms to a dictionary (created on first use) and replies how
// many were new.
import { argLen, argPtr, replyInt } from "ferrite-sdk";
import { dictAdd } from "../dict/dicts";

export function run(argc: i32, argv: usize): void {
  let added = 0;
  for (let i = 2; i < argc; i++) if (dictAdd(argPtr(argv, 1), argLen(argv, 1), argPtr(argv, i), argLen(argv, i))) added++;
  replyInt(added);
}
