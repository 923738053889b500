// SSCAN's step. A compact set (intset, listpack) comes back whole with cursor 0, as in Redis; a hashtable
// is walked a bucket at a time with the SDK's growth-stable cursor until about COUNT members were seen.
// The step runs twice, first to count the matches and then to reply them (the array's length comes
// first); nothing changes the set in between, so both runs visit the same buckets.
import { bmKey, bmKeyLen, bmNext, bmScanBucket, bmScanNext, globMatch, replyBulk, scanPattern, scanPatternLen } from "ferrite-sdk";
import { iterNext, iterStart, memberLen, memberPtr } from "./member";
import { ENC_HASHTABLE, setEncoding, setPayload } from "./set";

/** Redis's bound on empty buckets per step: COUNT times this many. */
const MAX_BUCKETS_PER_COUNT: i64 = 10;

/** Matches found by the last scanStep. */
export let scanMatched: i32 = 0;

function visit(ptr: usize, len: i32, reply: bool): void {
  if (scanPatternLen >= 0 && !globMatch(scanPattern, scanPatternLen, ptr, len)) return;
  scanMatched++;
  if (reply) replyBulk(ptr, len);
}

/** One step from `cursor` (MATCH from ferrite-sdk's scan-args); returns the next cursor, 0 at the end. */
export function scanStep(s: usize, cursor: u64, count: i32, reply: bool): u64 {
  scanMatched = 0;
  if (setEncoding(s) != ENC_HASHTABLE) {
    iterStart(s);
    while (iterNext()) visit(memberPtr, memberLen, reply);
    return 0;
  }
  const map = setPayload(s);
  let seen = 0;
  let buckets = <i64>count * MAX_BUCKETS_PER_COUNT;
  do {
    for (let e = bmScanBucket(map, cursor); e != 0; e = bmNext(e)) {
      visit(bmKey(e), bmKeyLen(e), reply);
      seen++;
    }
    cursor = bmScanNext(map, cursor);
  } while (cursor != 0 && buckets-- > 0 && seen < count);
  return cursor;
}
