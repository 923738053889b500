// bfInsertCommon: BF.ADD, BF.MADD and BF.INSERT add items to a chain, creating it when allowed.
import { argLen, argPtr, keyFindArg, keySetArg, replyArray, replyBool, replyError, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { ERR_NOT_FOUND } from "../errors";
import { resultsDone, resultsFor } from "../results";
import { BF_TYPE } from "../type-ids";
import { ADD_FULL, chainAdd, chainCreate } from "./chain";

const ERR_FULL = "ERR non scaling filter is full";
const ERR_CREATE = "ERR could not create filter";

/**
 * Adds arguments from..argc-1 to the chain at argument 1 (an array of results, or one result); a missing
 * key is created with the given settings when `autocreate`.
 */
export function insertItems(argc: i32, argv: usize, from: i32, multi: bool, autocreate: bool,
  capacity: u64, error: f64, expansion: u32, nonScaling: bool): void {
  let h = keyFindArg(argv, 1, BF_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    if (!autocreate) { replyError(ERR_NOT_FOUND); return; }
    const created = chainCreate(capacity, error, expansion, nonScaling);
    if (created == 0) { replyError(ERR_CREATE); return; }
    keySetArg(argv, 1, BF_TYPE, <f64>created);
    h = <f64>created;
  }
  const c = <usize>h;
  if (!multi) { reply(chainAdd(c, argPtr(argv, from), argLen(argv, from))); return; }
  const results = resultsFor(argc - from);
  let n = 0;
  for (let i = from; i < argc; i++) {
    const r = chainAdd(c, argPtr(argv, i), argLen(argv, i));
    store<i8>(results + <usize>n, <i8>r);
    n++;
    if (r == ADD_FULL) break; // RedisBloom stops at the first item a full filter refuses
  }
  replyArray(n);
  for (let i = 0; i < n; i++) reply(load<i8>(results + <usize>i));
  resultsDone(results);
}

function reply(r: i32): void {
  if (r == ADD_FULL) replyError(ERR_FULL);
  else if (r < 0) replyError(ERR_CREATE);
  else replyBool(r == 1); // :1/:0 in RESP2, #t/#f in RESP3 as RedisBloom answers
}
