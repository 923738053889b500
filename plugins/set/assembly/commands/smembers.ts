// SMEMBERS key: every member, as a RESP3 set (an empty one for a missing key).
import { MISSING, replySet, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { findSet } from "../set-key";
import { replyMembers } from "../reply-members";

export function run(_argc: i32, argv: usize): void {
  const h = findSet(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) replySet(0);
  else replyMembers(<usize>h);
}
