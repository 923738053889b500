// CMS.INITBYDIM key width depth
import { argLen, argPtr, parseI64, parsedI64, replyError } from "ferrite-sdk";
import { createSketch } from "../cms/create";
import { ERR_CMS_EXISTS } from "../cms/errors";
import { keyIsFree } from "../find-value";

export function run(_argc: i32, argv: usize): void {
  if (!keyIsFree(argv, 1, ERR_CMS_EXISTS)) return;
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 < 1) { replyError("CMS: invalid width"); return; }
  const width = parsedI64;
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3)) || parsedI64 < 1) { replyError("CMS: invalid depth"); return; }
  createSketch(argv, <u64>width, <u64>parsedI64);
}
