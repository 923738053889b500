// Replying a whole set: a RESP3 set for SMEMBERS-like commands, an array where Redis sends one (SRANDMEMBER).
import { replyArray, replyBulk, replySet } from "ferrite-sdk";
import { iterNext, iterStart, memberLen, memberPtr } from "./member";
import { setSize } from "./set";

export function replyMembers(s: usize, asSet: bool = true): void {
  if (asSet) replySet(setSize(s));
  else replyArray(setSize(s));
  iterStart(s);
  while (iterNext()) replyBulk(memberPtr, memberLen);
}
