// JSON.OBJKEYS key [path]: the keys of each object at path (nil for a match that is not an object).
import { replyArray, replyBulk, replyError, replyNull } from "ferrite-sdk";
import { count, K_OBJECT, keyBytes, keyLen, kind, objKey } from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { OPEN_FAILED, OPEN_MISSING, openPath, pathLen, pathPtr } from "../query";
import { ERR_NO_KEY, replyPathMissing, replyWrongPathType } from "../replies";

export function run(argc: i32, argv: usize): void {
  const status = openPath(argc, argv, 2, 0);
  if (status == OPEN_FAILED) return;
  if (status == OPEN_MISSING) {
    if (legacy) replyNull();
    else replyError(ERR_NO_KEY);
    return;
  }
  if (legacy) {
    if (matchCount == 0) { replyPathMissing(pathPtr, pathLen); return; }
    if (kind(matchNode(0)) != K_OBJECT) { replyWrongPathType("object", matchNode(0)); return; }
    replyKeys(matchNode(0));
    return;
  }
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
