// FT.SYNDUMP index: each term with the groups it belongs to; RESP2 [term, [group ids], ...], RESP3 a map.
import { argLen, argPtr, bmBucket, bmBuckets, bmCount, bmKey, bmKeyLen, bmNext, protocol, replyArray, replyBulk, replyMap } from "ferrite-sdk";
import { replyErrorAround } from "../errors";
import { strLen, strPtr } from "../bytes";
import { findIndex } from "../registry";
import { groupsOf, synonymTerms } from "../synonym/synonyms";
import { listGet } from "../u32-list";

export function run(_argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) {
    replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index");
    return;
  }
  const terms = synonymTerms(x);
  const n = terms == 0 ? 0 : bmCount(terms);
  if (protocol() >= 3) replyMap(n);
  else replyArray(n * 2);
  if (n == 0) return;
  for (let b: u32 = 0; b < bmBuckets(terms); b++) {
    for (let e = bmBucket(terms, b); e != 0; e = bmNext(e)) {
      replyBulk(bmKey(e), bmKeyLen(e));
      const gids = groupsOf(e);
      replyArray(gids.len);
      for (let g = 0; g < gids.len; g++) {
        const gid = <usize>listGet(gids, g);
        replyBulk(strPtr(gid), strLen(gid));
      }
    }
  }
}
