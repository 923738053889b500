// TOPK.RESERVE key topk [width depth decay]: defaults 8, 7 and 0.9.
import { argLen, argPtr, keySetArg, parseF64, parseI64, parsedF64, parsedI64, replyArityError, replyError, replyOk } from "ferrite-sdk";
import { keyIsFree } from "../find-value";
import { topkSizeOk } from "../topk/persist";
import { topkCreate } from "../topk/sketch";
import { TOPK_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  if (argc != 3 && argc != 6) { replyArityError(argv); return; }
  if (!keyIsFree(argv, 1, "TopK: key already exists")) return;
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 < 1) { replyError("TopK: invalid k"); return; }
  const k = parsedI64;
  let width: i64 = 8, depth: i64 = 7;
  let decay = 0.9;
  if (argc == 6) {
    if (!parseI64(argPtr(argv, 3), argLen(argv, 3)) || parsedI64 < 1 || parsedI64 > 0xffff_ffff) { replyError("TopK: invalid width"); return; }
    width = parsedI64;
    if (!parseI64(argPtr(argv, 4), argLen(argv, 4)) || parsedI64 < 1 || parsedI64 > 0xffff_ffff) { replyError("TopK: invalid depth"); return; }
    depth = parsedI64;
    if (!parseF64(argPtr(argv, 5), argLen(argv, 5)) || !(parsedF64 > 0 && parsedF64 <= 1)) {
      replyError("TopK: invalid decay value. must be '<= 1' & '> 0'");
      return;
    }
    decay = parsedF64;
  }
  if (!topkSizeOk(<u64>k, <u64>width, <u64>depth)) { replyError("ERR Insufficient memory to create topk data structure"); return; }
  keySetArg(argv, 1, TOPK_TYPE, <f64>topkCreate(<u32>k, <u32>width, <u32>depth, decay));
  replyOk();
}
