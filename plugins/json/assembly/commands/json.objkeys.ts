// JSON.OBJKEYS key [path]: the keys of each object at path (nil for a match that is not an object).
import { replyArray, replyBulk, replyNull } from "ferrite-sdk";
import { count, K_OBJECT, keyBytes, keyLen, kind, objKey } from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { openMatchesOf } from "../query";

export function run(argc: i32, argv: usize): void {
  if (!openMatchesOf(argc, argv, K_OBJECT, "object")) return;
  if (legacy) { replyKeys(matchNode(0)); return; }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    if (kind(matchNode(i)) == K_OBJECT) replyKeys(matchNode(i));
    else replyNull();
  }
}

function replyKeys(o: usize): void {
  const n = count(o);
  replyArray(n);
  for (let i = 0; i < n; i++) replyBulk(keyBytes(objKey(o, i)), keyLen(objKey(o, i)));
}
