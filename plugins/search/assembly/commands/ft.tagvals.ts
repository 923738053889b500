// FT.TAGVALS index field: the distinct values of a TAG field among live documents (a set in RESP3).
import { argLen, argPtr, bmBucket, bmBuckets, bmKey, bmKeyLen, bmNext, bmVal, protocol, replyArray, replyBulk, replyError, replySet } from "ferrite-sdk";
import { ERR_UNKNOWN_INDEX } from "../errors";
import { Index, docAt, fieldByName } from "../index-spec";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { TAG } from "../schema";
import { U32List, listGet } from "../u32-list";

function live(x: Index, l: U32List): bool {
  for (let i = 0; i < l.len; i++) if (docAt(x, listGet(l, i)) != null) return true;
  return false;
}

export function run(_argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  scanIfNeeded(x);
  const f = fieldByName(x, argPtr(argv, 2), argLen(argv, 2));
  if (f == null) { replyError("No such field"); return; }
  if (f.type != TAG) { replyError("Not a tag field"); return; }
  let n = 0;
  const tags = f.tags;
  for (let pass = 0; pass < 2; pass++) {
    if (pass == 1) { if (protocol() == 3) replySet(n); else replyArray(n); }
    if (tags == 0) continue;
    const buckets = bmBuckets(tags);
    for (let b: u32 = 0; b < buckets; b++) {
      for (let e = bmBucket(tags, b); e != 0; e = bmNext(e)) {
        if (!live(x, changetype<U32List>(<usize>load<u32>(bmVal(e))))) continue;
        if (pass == 0) n++; else replyBulk(bmKey(e), bmKeyLen(e));
      }
    }
  }
}
