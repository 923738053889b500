// ZSCORE key member
import { keyFindArg, replyDouble, replyNull, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { ZSET_TYPE, findMember } from "../zset-key";
import { zsScore } from "../zset";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const c = findMember(h, argv, 2);
  if (c == 0) replyNull();
  else replyDouble(zsScore(<usize>h, c));
}
