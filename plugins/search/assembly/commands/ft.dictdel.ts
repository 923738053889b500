// FT.DICTDEL dict term [term ...]: deletes terms and replies how many were there.
import { argLen, argPtr, replyInt } from "ferrite-sdk";
import { dictDelete } from "../dict/dicts";

export function run(argc: i32, argv: usize): void {
  let deleted = 0;
  for (let i = 2; i < argc; i++) if (dictDelete(argPtr(argv, 1), argLen(argv, 1), argPtr(argv, i), argLen(argv, i))) deleted++;
  replyInt(deleted);
}
