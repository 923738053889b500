// HSET and HMSET: field/value pairs into a hash, creating it. They differ only in their reply.
import { argLen, argPtr, keyFindArg, keySetArg, replyArityError, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashCreate, hashSet } from "./value";
import { HSET } from "./events";

/** The number of new fields, or -1 after replying an error (Redis's arity error for odd pairs). */
export function setPairs(argc: i32, argv: usize): i32 {
  if ((argc & 1) == 1) { replyArityError(argv); return -1; }
  const found = keyFindArg(argv, 1, HASH_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return -1; }
  const h = found == MISSING ? hashCreate() : <usize>found;
  let added = 0;
  for (let j = 2; j < argc; j += 2) {
    if (hashSet(h, argPtr(argv, j), argLen(argv, j), argPtr(argv, j + 1), argLen(argv, j + 1))) added++;
  }
  if (found == MISSING) keySetArg(argv, 1, HASH_TYPE, <f64>h);
  HSET.emitArg(argv, 1);
  return added;
}
