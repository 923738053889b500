// Reading members out of a set of any encoding: one iteration at a time (module state, as AssemblyScript
// has no allocation-free iterator objects) and random picks. Either leaves the current member in
// memberPtr/memberLen, valid until the next call or until the set changes.
import { bmBucket, bmKey, bmKeyLen, bmNext, bmFairRandom, formatI64, I64_MAX_CHARS, packedBytes, packedLen, packedSkip, randomBelow } from "ferrite-sdk";
import { isCount, isGet } from "./intset";
import { lpCount, lpFirst, lpNth } from "./listpack";
import { ENC_HASHTABLE, ENC_INTSET, ENC_LISTPACK, setEncoding, setPayload, setSize } from "./set";

export let memberPtr: usize = 0;
export let memberLen: i32 = 0;

/** Members of an intset are numbers: their digits are written here. */
const digits = memory.data(I64_MAX_CHARS);

let encoding: u32 = 0;
let payload: usize = 0;
let left: i32 = 0;
/** intset: the next index; listpack: the next entry; hashtable: the next bucket. */
let position: usize = 0;
let entry: usize = 0;

function intMember(ints: usize, i: i32): void {
  memberPtr = digits;
  memberLen = formatI64(isGet(ints, i), digits);
}

function listpackMember(e: usize): void {
  memberPtr = packedBytes(e);
  memberLen = packedLen(e);
}

function entryMember(e: usize): void {
  memberPtr = bmKey(e);
  memberLen = bmKeyLen(e);
}

export function iterStart(s: usize): void {
  encoding = setEncoding(s);
  payload = setPayload(s);
  left = setSize(s);
  position = encoding == ENC_LISTPACK ? lpFirst(payload) : 0;
  entry = 0;
}

/** Moves to the next member; false when there are no more. */
export function iterNext(): bool {
  if (left == 0) return false;
  left--;
  if (encoding == ENC_INTSET) {
    intMember(payload, <i32>position);
    position++;
  } else if (encoding == ENC_HASHTABLE) {
    if (entry != 0) entry = bmNext(entry);
    // `left` counts the members still to come, so a non-empty bucket is always found.
    while (entry == 0) {
      entry = bmBucket(payload, <u32>position);
      position++;
    }
    entryMember(entry);
  } else {
    listpackMember(position);
    position = packedSkip(position);
  }
  return true;
}

/** A random member (hashtable: Redis's dictGetFairRandomKey, near uniform); the set must not be empty. */
export function randomMember(s: usize): void {
  const p = setPayload(s);
  const e = setEncoding(s);
  if (e == ENC_HASHTABLE) entryMember(bmFairRandom(p));
  else if (e == ENC_INTSET) intMember(p, <i32>randomBelow(<u32>isCount(p)));
  else listpackMember(lpNth(p, <i32>randomBelow(<u32>lpCount(p))));
}
