// ZCARD key
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { zsCard } from "../zset";
import { ZSET_TYPE } from "../zset-key";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : zsCard(<usize>h));
}
