// KEYS and SCAN: one key_scan step over the keyspace, its batch copied out of the host, then replied as
// an array of key names.
import { keyScan, replyArray, replyBulk, resultLen, resultRead } from "ferrite-sdk";

/** The pattern length that means "no MATCH given". */
export const NO_PATTERN: i32 = -1;

// The batch scanKeys copied, kept until replyScannedKeys because SCAN replies the cursor before it. Sized
// to the batch and freed after the reply: KEYS over a large database would otherwise pin megabytes.
let batch: usize = 0;
let onlyEmptyName = false;

/**
 * One step from `cursor` over about `count` slots (SCAN_ALL: the whole database), keeping the keys that
 * match the glob `pattern` (NO_PATTERN: all) and the type name (length 0: any). Returns the next cursor,
 * 0 at the end; replyScannedKeys replies the keys.
 */
export function scanKeys(cursor: f64, count: i32, pattern: usize, patternLen: i32, type: usize, typeLen: i32): f64 {
  // A command that failed mid-reply (its CPU budget spent, say) never reached the free.
  if (batch != 0) heap.free(batch);
  // The host reads an empty pattern as "all"; the empty pattern itself matches only the empty name, so
  // that one is filtered here.
  onlyEmptyName = patternLen == 0;
  const next = keyScan(cursor, pattern, max(patternLen, 0), type, typeLen, count);
  batch = heap.alloc(<usize>resultLen());
  resultRead(batch);
  return next;
}

/** Walks the batch's names that match, replying each when `reply`; returns how many match. */
function visit(reply: bool): i32 {
  const keys = load<u32>(batch);
  let matched = 0;
  let at = batch + 4;
  for (let i: u32 = 0; i < keys; i++) {
    const len = load<u32>(at);
    if (!onlyEmptyName || len == 0) {
      if (reply) replyBulk(at + 4, len);
      matched++;
    }
    at += 4 + len;
  }
  return matched;
}

/** The array of the keys the last scanKeys found. */
export function replyScannedKeys(): void {
  replyArray(visit(false));
  visit(true);
  heap.free(batch);
  batch = 0;
}
