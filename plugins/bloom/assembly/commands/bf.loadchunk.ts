// BF.LOADCHUNK key iterator data: iterator 1 creates the filter from SCANDUMP's header, later ones fill
// its bits at the position the iterator names (the end of the chunk, as SCANDUMP returned it).
import { argLen, argPtr, keyFindArg, keySetArg, parseI64, parsedI64, replyError, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { chainFromHeader, filterAt } from "../bloom/dump";
import { chunkOffset } from "../chunks";
import { F_BYTES, F_DATA } from "../bloom/filter";
import { ERR_BAD_DATA, ERR_NOT_FOUND } from "../errors";
import { BF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("ERR Second argument must be numeric"); return; }
  const iter = parsedI64;
  const data = argPtr(argv, 3), len = argLen(argv, 3);
  const h = keyFindArg(argv, 1, BF_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING && iter == 1) {
    const c = chainFromHeader(data, <usize>len);
    if (c == 0) { replyError(ERR_BAD_DATA); return; }
    keySetArg(argv, 1, BF_TYPE, <f64>c);
    replyOk();
    return;
  }
  if (h == MISSING) { replyError(ERR_NOT_FOUND); return; }
  if (iter <= 0 || iter < <i64>len) { replyError(ERR_BAD_DATA); return; }
  const f = filterAt(<usize>h, iter - <i64>len);
  if (f == 0) { replyError("ERR invalid offset - no link found"); return; }
  if (<u64>len > load<u64>(f + F_BYTES) - chunkOffset) { replyError("ERR invalid chunk - Too big for current filter"); return; }
  memory.copy(load<usize>(f + F_DATA) + <usize>chunkOffset, data, <usize>len);
  replyOk();
}
