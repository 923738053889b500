// BF.RESERVE key error_rate capacity [EXPANSION expansion] [NONSCALING]
import { argLen, argPtr, keyFindArg, keySetArg, parseF64, parseI64, parsedF64, parsedI64, replyArityError, replyError, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { argIndex } from "../arg-index";
import { chainCreate } from "../bloom/chain";
import { ERR_ITEM_EXISTS } from "../errors";
import { BF_TYPE } from "../type-ids";

const DEFAULT_EXPANSION: i64 = 2;

export function run(argc: i32, argv: usize): void {
  if (argc > 7) { replyArityError(argv); return; }
  if (!parseF64(argPtr(argv, 2), argLen(argv, 2))) { replyError("ERR bad error rate"); return; }
  const error = parsedF64;
  if (error >= 1 || error <= 0) { replyError("ERR (0 < error rate range < 1) "); return; }
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) { replyError("ERR bad capacity"); return; }
  const capacity = parsedI64;
  if (capacity <= 0) { replyError("ERR (capacity should be larger than 0)"); return; }
  const nonScaling = argIndex(argc, argv, 4, "NONSCALING") != -1;
  let expansion = DEFAULT_EXPANSION;
  const at = argIndex(argc, argv, 4, "EXPANSION");
  if (at + 1 == argc) { replyError("ERR no expansion"); return; }
  if (at != -1) {
    if (nonScaling) { replyError("Nonscaling filters cannot expand"); return; }
    if (!parseI64(argPtr(argv, at + 1), argLen(argv, at + 1)) || parsedI64 < 1) { replyError("ERR bad expansion"); return; }
    expansion = parsedI64;
  }
  const h = keyFindArg(argv, 1, BF_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING) { replyError(ERR_ITEM_EXISTS); return; }
  const c = chainCreate(<u64>capacity, error, <u32>expansion, nonScaling);
  if (c == 0) { replyError("ERR could not create filter"); return; }
  keySetArg(argv, 1, BF_TYPE, <f64>c);
  replyOk();
}
