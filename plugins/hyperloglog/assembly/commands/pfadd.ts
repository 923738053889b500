// PFADD key [element ...]
import { argLen, argPtr, keySetArg, replyInt, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { hllAdd, hllInvalidate } from "../hll";
import { findHll } from "../hll-key";
import { PFADD } from "../events";
import { HLL_TYPE, hllCreate } from "../value";

export function run(argc: i32, argv: usize): void {
  const h = findHll(argv, 1, FIND_WRITE);
  if (h == WRONGTYPE) return;
  const created = h == MISSING;
  const v = created ? hllCreate() : <usize>h;
  // Creating the key counts as a change even without elements, as in Redis.
  let updated = created;
  for (let i = 2; i < argc; i++) {
    if (hllAdd(v, argPtr(argv, i), argLen(argv, i))) updated = true;
  }
  if (updated) hllInvalidate(v);
  if (created) keySetArg(argv, 1, HLL_TYPE, <f64>v);
  if (updated) PFADD.emitArg(argv, 1);
  replyInt(updated ? 1 : 0);
}
