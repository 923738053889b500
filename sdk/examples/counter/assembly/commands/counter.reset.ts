// COUNTER.RESET key
import { argLen, argPtr, keyFind, replyInt, replyNull, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { counterGet, counterSet, COUNTER_TYPE } from "../counter";

export function run(_argc: i32, argv: usize): void {
  const h = keyFind(argPtr(argv, 1), argLen(argv, 1), COUNTER_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyNull(); return; }
  replyInt(counterGet(<usize>h));
  counterSet(<usize>h, 0);
}
