// A suggestion dictionary (RediSearch's "trietype0" value): strings with a score and an optional
// payload, in a byte map (string → [f64 score][payload]). RediSearch keeps a trie; a map answers the
// same replies, a prefix search walking every entry (O(n) where the trie is O(prefix)).
// Scores are kept as RediSearch keeps them: rounded to a 32-bit float.
import { bmCount, bmCreate, bmDelete, bmFind, bmSet, bmVal, bmValLen } from "ferrite-sdk";

export const SUG_TYPE: i32 = 0;
/** RediSearch refuses (ignores) suggestions this long or longer, in runes. */
export const MAX_SUGGESTION_RUNES: i32 = 255;

let entryScratch: usize = 0;
let entryScratchSize: i32 = 0;

export function sugCreate(): usize { return bmCreate(); }

export function sugSize(dict: usize): i32 { return bmCount(dict); }

export function sugScore(entry: usize): f64 { return load<f64>(bmVal(entry)); }
export function sugPayload(entry: usize): usize { return bmVal(entry) + 8; }
export function sugPayloadLen(entry: usize): i32 { return bmValLen(entry) - 8; }

/**
 * Adds or updates a suggestion: INCR adds to the score it had, otherwise the score is replaced; a
 * payload given replaces the old one, none keeps it (as RediSearch's trie does). Returns whether it is new.
 */
export function sugAdd(dict: usize, str: usize, len: i32, score: f64, incr: bool, payload: usize, payloadLen: i32): bool {
  const old = bmFind(dict, str, len);
  let total = score;
  let pPtr = payload, pLen = payloadLen;
  if (old != 0) {
    if (incr) total += sugScore(old);
    if (pLen < 0) {
      pPtr = sugPayload(old);
      pLen = sugPayloadLen(old);
    }
  }
  if (pLen < 0) pLen = 0;
  const need = 8 + pLen;
  if (need > entryScratchSize) {
    if (entryScratch != 0) heap.free(entryScratch);
    entryScratchSize = need * 2;
    entryScratch = heap.alloc(<usize>entryScratchSize);
  }
  store<f64>(entryScratch, <f64><f32>total);
  if (pLen > 0) memory.copy(entryScratch + 8, pPtr, <usize>pLen);
  return bmSet(dict, str, len, entryScratch, need);
}

export function sugDelete(dict: usize, str: usize, len: i32): bool { return bmDelete(dict, str, len); }
