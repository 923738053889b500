// KEYS and SCAN: walk the keyspace with key_scan and reply the matching key names as an array.
//
// One live entry per key_scan step, because key_scan returns the next cursor rather than the batch's
// length while result_read copies the whole batch: the plugin cannot size the destination (a host API
// gap). A one-entry batch is at most one key name, which fits BATCH_BLOCK unless that name is longer.
import { replyArray, replyBulk } from "ferrite-sdk";
import { keyScan } from "./host-keyspace";
import { readResult } from "./host-result";

const BATCH_BLOCK: i32 = 1 << 20;

// The walk countKeys set up, for replyCountedKeys to repeat.
let fromCursor: f64 = 0;
let entryLimit: i64 = 0;
let patternPtr: usize = 0;
let patternLength: i32 = 0;
let typePtr: usize = 0;
let typeLength: i32 = 0;
let onlyEmptyName = false;
let matched: i32 = 0;

/** The pattern length that means "no MATCH given". */
export const NO_PATTERN: i32 = -1;

/** Visits entryLimit entries from fromCursor, replying each match when `reply`; returns the next cursor. */
function walk(reply: bool): f64 {
  let cursor = fromCursor;
  matched = 0;
  for (let visited: i64 = 0; visited < entryLimit; visited++) {
    cursor = keyScan(cursor, patternPtr, patternLength, typePtr, typeLength, 1);
    const batch = readResult(BATCH_BLOCK);
    const keys = load<u32>(batch);
    let at = batch + 4;
    for (let i: u32 = 0; i < keys; i++) {
      const len = load<u32>(at);
      if (!onlyEmptyName || len == 0) {
        if (reply) replyBulk(at + 4, len);
        matched++;
      }
      at += 4 + len;
    }
    if (cursor == 0) break;
  }
  return cursor;
}

/**
 * Counts the keys matching the glob `pattern` (NO_PATTERN: all) and type name (length 0: any) among
 * `limit` entries from `cursor`; returns the cursor that follows them, 0 at the end.
 */
export function countKeys(cursor: f64, limit: i64, pattern: usize, patternLen: i32, type: usize, typeLen: i32): f64 {
  fromCursor = cursor;
  entryLimit = limit;
  patternPtr = pattern;
  // The host reads an empty pattern as "all" and "*" is fastest that way; the empty pattern itself
  // matches only the empty name, so that one is filtered here.
  const all = patternLen == NO_PATTERN || patternLen == 0 || (patternLen == 1 && load<u8>(pattern) == 42);
  patternLength = all ? 0 : patternLen;
  onlyEmptyName = patternLen == 0;
  typePtr = type;
  typeLength = typeLen;
  return walk(false);
}

/**
 * Replies the array of the keys the last countKeys counted. Replies need the array's length first, hence
 * two walks over the same entries; nothing else runs during a command, so the second meets the same keys.
 */
export function replyCountedKeys(): void {
  replyArray(matched);
  walk(true);
}
