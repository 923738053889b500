// CF.LOADCHUNK key iterator data: iterator 1 creates the filter from CF.SCANDUMP's header, later ones
// fill its fingerprints at the position the iterator names (the end of the chunk).
import { argLen, argPtr, keyFindArg, keySetArg, parseI64, parsedI64, replyError, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { chunkOffset, locateChunk } from "../chunks";
import { CF_HEADER, cfFromHeader } from "../cuckoo/dump";
import { cfFilters, sub, subBytes, subData } from "../cuckoo/filter";
import { ERR_ITEM_EXISTS, ERR_NOT_FOUND } from "../errors";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, CF_TYPE, FIND_WRITE);
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 == 0) { replyError("Invalid position"); return; }
  const pos = parsedI64;
  const data = argPtr(argv, 3), len = argLen(argv, 3);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (pos == 1) {
    if (h != MISSING) { replyError(ERR_ITEM_EXISTS); return; }
    if (<usize>len != CF_HEADER) { replyError("Invalid header"); return; }
    const c = cfFromHeader(data);
    if (c == 0) { replyError("Couldn't create filter!"); return; }
    keySetArg(argv, 1, CF_TYPE, <f64>c);
    replyOk();
    return;
  }
  if (h == MISSING) { replyError(ERR_NOT_FOUND); return; }
  const c = <usize>h;
  const i = len == 0 ? -1 : locateChunk(c, cfFilters(c), subBytes, pos - <i64>len);
  if (i < 0 || <u64>len > subBytes(c, <u32>i) - chunkOffset) { replyError("Couldn't load chunk!"); return; }
  memory.copy(subData(sub(c, <u32>i)) + <usize>chunkOffset, data, <usize>len);
  replyOk();
}
