// ZCARD key
import { replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findZset } from "../zset-key";
import { zsCard } from "../zset";

export function run(_argc: i32, argv: usize): void {
  const h = findZset(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : zsCard(<usize>h));
}
