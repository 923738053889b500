// SMISMEMBER key member [member ...]: 1 or 0 per member, in order.
import { argLen, argPtr, keyFindArg, replyArray, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { SET_TYPE, setHas } from "../set";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, SET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) replyInt(h != MISSING && setHas(<usize>h, argPtr(argv, i), argLen(argv, i)) ? 1 : 0);
}
