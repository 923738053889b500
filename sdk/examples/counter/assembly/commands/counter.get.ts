// COUNTER.GET key
import { argLen, argPtr, keyFind, replyInt, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { counterGet, COUNTER_TYPE } from "../counter";

export function run(_argc: i32, argv: usize): void {
  const h = keyFind(argPtr(argv, 1), argLen(argv, 1), COUNTER_TYPE);
  if (h == WRONGTYPE) replyWrongType();
  else if (h == MISSING) replyNull();
  else replyInt(counterGet(<usize>h));
}
