// HSCAN key cursor [MATCH pattern] [COUNT count]: [next cursor, field, value, …]. A packed hash comes
// back whole with cursor 0, as Redis does for listpacks. A table is walked bucket by bucket with
// Redis's reverse-binary cursor (stable across resizes) until COUNT items — fields and values both
// count, as in Redis 7.0 — were seen or 10×COUNT buckets visited. MATCH filters afterwards.
//
// The reply's length comes first, so a table step is walked twice: once to count, once to reply.
import {
  bmNext, bmScanBucket, bmScanNext, globMatch, parseScanCursor, parseScanOptions, replyArray, replyBulk, replyScanCursor,
  scanCount, scanCursor, scanPattern, scanPatternLen,
} from "ferrite-sdk";
import { EMPTY_SCAN, hashOrReply } from "../hash-key";
import { PACKED, hashData, hashIterate, hashKind, hashNext, itField, itFieldLen, itVal, itValLen, pairFromEntry } from "../value";

function matches(): bool {
  return scanPatternLen < 0 || globMatch(scanPattern, scanPatternLen, itField, itFieldLen);
}

export function run(argc: i32, argv: usize): void {
  if (!parseScanCursor(argv, 2)) return;
  const h = hashOrReply(argv, EMPTY_SCAN); // a missing key answers before the options are read, as in Redis
  if (h == 0) return;
  if (!parseScanOptions(argc, argv, 3)) return;
  if (hashKind(h) == PACKED) {
    let n = 0;
    hashIterate(h);
    while (hashNext()) if (matches()) n++;
    replyArray(2);
    replyScanCursor(0);
    replyArray(n * 2);
    hashIterate(h);
    while (hashNext()) if (matches()) { replyBulk(itField, itFieldLen); replyBulk(itVal, itValLen); }
    return;
  }
  const map = hashData(h);
  const next = walk(map, false);
  replyArray(2);
  replyScanCursor(next);
  replyArray(walkedMatches * 2);
  walk(map, true);
}

let walkedMatches: i32 = 0;

/** One scan step from scanCursor; counts matches into walkedMatches, replying them when `reply`. */
function walk(map: usize, reply: bool): u64 {
  let cursor = scanCursor;
  let seen: i64 = 0;
  let budget: i64 = <i64>scanCount * 10;
  walkedMatches = 0;
  do {
    for (let e = bmScanBucket(map, cursor); e != 0; e = bmNext(e)) {
      seen += 2;
      pairFromEntry(e);
      if (!matches()) continue;
      walkedMatches++;
      if (reply) { replyBulk(itField, itFieldLen); replyBulk(itVal, itValLen); }
    }
    cursor = bmScanNext(map, cursor);
  } while (cursor != 0 && budget-- != 0 && seen < <i64>scanCount);
  return cursor;
}
