// HSET and HMSET: field/value pairs into a hash, creating it. They differ only in their reply.
import { argLen, argPtr, replyError, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findHash, storeHash } from "./hash-key";
import { hashCreate, hashSet } from "./value";
import { HSET } from "./events";

/** The number of new fields, or -1 after replying an error. `arityError` is Redis's text for odd pairs. */
export function setPairs(argc: i32, argv: usize, arityError: string): i32 {
  if ((argc & 1) == 1) { replyError(arityError); return -1; }
  const found = findHash(argv, 1, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return -1; }
  const h = found == MISSING ? hashCreate() : <usize>found;
  let added = 0;
  for (let j = 2; j < argc; j += 2) {
    if (hashSet(h, argPtr(argv, j), argLen(argv, j), argPtr(argv, j + 1), argLen(argv, j + 1))) added++;
  }
  if (found == MISSING) storeHash(argv, h);
  HSET.emitArg(argv, 1);
  return added;
}
