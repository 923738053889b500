// ZSCAN key cursor [MATCH pattern] [COUNT count]: [next cursor, [member, score, …]], the scores bulk
// strings in Redis 7.2's text even in RESP3. A listpack set comes back whole with cursor 0, as Redis
// does. A skiplist set's member table is walked home slot by home slot with Redis's reverse-binary
// cursor (stable across resizes) until COUNT items — members and scores both count, as in Redis 7.0 —
// were seen or 10×COUNT slots visited. MATCH filters afterwards.
//
// The reply's length comes first, so a table step is walked twice: once to count, once to reply.
import {
  formatDouble, globMatch, keyFindArg, parseScanCursor, parseScanOptions, replyArray, replyBulk, replyScanCursor,
  replyWrongType, scanCount, scanCursor, scanNextCursor, scanPattern, scanPatternLen, DOUBLE_MAX_CHARS, MISSING,
  WRONGTYPE,
} from "ferrite-sdk";
import { replyMember } from "../reply";
import { tableHome, tableMask, tableNodeAt } from "../table";
import { zsFirst, zsMember, zsMemberLen, zsNext, zsScore, zsTable } from "../zset";
import { ZSET_TYPE } from "../zset-key";

const scoreText = memory.data(DOUBLE_MAX_CHARS);

function matches(z: usize, c: usize): bool {
  return scanPatternLen < 0 || globMatch(scanPattern, scanPatternLen, zsMember(z, c), zsMemberLen(z, c));
}

function replyItem(z: usize, c: usize): void {
  replyMember(z, c);
  replyBulk(scoreText, formatDouble(zsScore(z, c), scoreText));
}

export function run(argc: i32, argv: usize): void {
  if (!parseScanCursor(argv, 2)) return;
  // A missing key answers before the options are read, as in Redis.
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING && !parseScanOptions(argc, argv, 3)) return;
  replyArray(2);
  if (h == MISSING) {
    replyScanCursor(0);
    replyArray(0);
    return;
  }
  const z = <usize>h;
  const t = zsTable(z);
  if (t == 0) {
    let n = 0;
    for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) if (matches(z, c)) n++;
    replyScanCursor(0);
    replyArray(n * 2);
    for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) if (matches(z, c)) replyItem(z, c);
    return;
  }
  replyScanCursor(walk(z, t, false));
  replyArray(walkedMatches * 2);
  walk(z, t, true);
}

let walkedMatches: i32 = 0;

/** One scan step from scanCursor; counts matches into walkedMatches, replying them when `reply`. */
function walk(z: usize, t: usize, reply: bool): u64 {
  const mask = tableMask(t);
  let cursor = scanCursor;
  let seen: i64 = 0;
  let budget: i64 = <i64>scanCount * 10;
  walkedMatches = 0;
  do {
    const home = <u32>cursor & mask;
    for (let i = home, n = tableNodeAt(t, i); n != 0; n = tableNodeAt(t, ++i)) {
      if (tableHome(t, n) != home) continue;
      seen += 2;
      if (!matches(z, n)) continue;
      walkedMatches++;
      if (reply) replyItem(z, n);
    }
    cursor = scanNextCursor(cursor, mask);
  } while (cursor != 0 && budget-- != 0 && seen < <i64>scanCount);
  return cursor;
}
