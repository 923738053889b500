// CF.SCANDUMP key iterator: (1, header) for iterator 0, then (next iterator, fingerprints) until (0, null);
// an empty filter answers (0, null) at once, as RedisBloom's does.
import { argLen, argPtr, parseI64, parsedI64, replyArray, replyBulk, replyError, replyInt, replyNull } from "ferrite-sdk";
import { chunkOffset, locateChunk, MAX_CHUNK } from "../chunks";
import { CF_HEADER, cfHeader } from "../cuckoo/dump";
import { cfFilters, cfItems, sub, subBytes, subData } from "../cuckoo/filter";
import { ERR_NOT_FOUND } from "../errors";
import { findValue } from "../find-value";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("Invalid position"); return; }
  const pos = parsedI64;
  const c = findValue(argv, 1, CF_TYPE, ERR_NOT_FOUND);
  if (c == 0) return;
  replyArray(2);
  if (cfItems(c) == 0) { replyInt(0); replyNull(); return; }
  if (pos == 0) { replyInt(1); replyBulk(cfHeader(c), <i32>CF_HEADER); return; }
  const i = locateChunk(c, cfFilters(c), subBytes, pos);
  if (i < 0) { replyInt(0); replyNull(); return; }
  const size = subBytes(c, <u32>i);
  // CF_GetEncodedChunk: a sub-filter that fits one chunk goes whole, else the next piece of it.
  const offset = size <= <u64>MAX_CHUNK ? 0 : chunkOffset;
  const len = min(size - offset, <u64>MAX_CHUNK);
  replyInt(pos + <i64>len);
  replyBulk(subData(sub(c, <u32>i)) + <usize>offset, <i32>len);
}
