// ZMSCORE key member [member ...]
import { keyFindArg, replyArray, replyDouble, replyNull, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { ZSET_TYPE, findMember } from "../zset-key";
import { zsScore } from "../zset";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    const c = findMember(h, argv, i);
    if (c == 0) replyNull();
    else replyDouble(zsScore(<usize>h, c));
  }
}
