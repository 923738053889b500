// ZSCORE key member
import { replyDouble, replyNull, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { findMember, findZset } from "../zset-key";
import { zsScore } from "../zset";

export function run(_argc: i32, argv: usize): void {
  const h = findZset(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const c = findMember(h, argv, 2);
  if (c == 0) replyNull();
  else replyDouble(zsScore(<usize>h, c));
}
