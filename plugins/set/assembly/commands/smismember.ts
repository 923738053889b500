// SMISMEMBER key member [member ...]: 1 or 0 per member, in order.
import { argLen, argPtr, MISSING, replyArray, replyInt, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { findSet } from "../set-key";
import { setHas } from "../set";

export function run(argc: i32, argv: usize): void {
  const h = findSet(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) replyInt(h != MISSING && setHas(<usize>h, argPtr(argv, i), argLen(argv, i)) ? 1 : 0);
}
