// cfInsertCommon: CF.ADD, CF.ADDNX, CF.INSERT and CF.INSERTNX add items to a filter, creating it when
// allowed (with the default bucket size, iterations and expansion).
import { argLen, argPtr, keyFindArg, keySetArg, replyArray, replyBool, replyError, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { ERR_NOT_FOUND } from "../errors";
import { CF_TYPE } from "../type-ids";
import { cfDefaultBucketSize, cfDefaultExpansion, cfDefaultMaxIterations, cfMaxExpansions } from "./defaults";
import { cfCreate, cfFilters, cfInsert, hashItem, NO_SPACE } from "./filter";

/** Arguments from..argc-1 into the filter at argument 1: an array of results, or one result. */
export function insertItems(argc: i32, argv: usize, from: i32, multi: bool, unique: bool, autocreate: bool, capacity: u64): void {
  let h = keyFindArg(argv, 1, CF_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    if (!autocreate) { replyError(ERR_NOT_FOUND); return; }
    const created = cfCreate(capacity, cfDefaultBucketSize(), cfDefaultMaxIterations(), cfDefaultExpansion());
    keySetArg(argv, 1, CF_TYPE, <f64>created);
    h = <f64>created;
  }
  const c = <usize>h;
  // Against filters made to grow without end by hostile inserts, as RedisBloom guards.
  if (cfFilters(c) >= cfMaxExpansions()) { replyError("Maximum expansions reached"); return; }
  if (multi) replyArray(argc - from);
  for (let i = from; i < argc; i++) {
    hashItem(argPtr(argv, i), argLen(argv, i));
    const r = cfInsert(c, unique);
    if (r == NO_SPACE) {
      if (!multi) { replyError("Filter is full"); return; }
      replyInt(-1);
    } else {
      replyBool(r == 1); // :1/:0 in RESP2, #t/#f in RESP3
    }
  }
}
