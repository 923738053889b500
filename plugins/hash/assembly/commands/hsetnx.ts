// HSETNX key field value: 1 when the field was set, 0 when it already existed.
import { argLen, argPtr, keyFindArg, keySetArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashCreate, hashGet, hashSet } from "../value";
import { HSET } from "../events";

export function run(_argc: i32, argv: usize): void {
  const found = keyFindArg(argv, 1, HASH_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  const field = argPtr(argv, 2), fieldLen = argLen(argv, 2);
  if (found != MISSING && hashGet(<usize>found, field, fieldLen)) { replyInt(0); return; }
  const h = found == MISSING ? hashCreate() : <usize>found;
  hashSet(h, field, fieldLen, argPtr(argv, 3), argLen(argv, 3));
  if (found == MISSING) keySetArg(argv, 1, HASH_TYPE, <f64>h);
  HSET.emitArg(argv, 1);
  replyInt(1);
}
