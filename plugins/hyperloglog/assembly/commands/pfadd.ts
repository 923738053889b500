// PFADD key [element ...]
import { argLen, argPtr, replyInt, MISSING, WRONGTYPE } from "ferrite-sdk";
import { hllAdd, hllInvalidate } from "../hll";
import { loadHll, storeHll } from "../hll-key";
import { PFADD } from "../events";
import { hllCreate, hllFree } from "../value";

export function run(argc: i32, argv: usize): void {
  const h = loadHll(argv, 1, false);
  if (h == WRONGTYPE) return;
  const created = h == MISSING;
  const v = created ? hllCreate() : <usize>h;
  // Creating the key counts as a change even without elements, as in Redis.
  let updated = created;
  for (let i = 2; i < argc; i++) {
    if (hllAdd(v, argPtr(argv, i), argLen(argv, i))) updated = true;
  }
  if (updated) {
    hllInvalidate(v);
    storeHll(argv, 1, v, created);
    PFADD.emitArg(argv, 1);
  }
  hllFree(v);
  replyInt(updated ? 1 : 0);
}
