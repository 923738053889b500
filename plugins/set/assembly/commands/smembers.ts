// SMEMBERS key: every member, as a RESP3 set (an empty one for a missing key).
import { keyFindArg, replySet, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { replyMembers } from "../reply-members";
import { SET_TYPE } from "../set";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, SET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) replySet(0);
  else replyMembers(<usize>h);
}
