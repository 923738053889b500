// BF.SCANDUMP key iterator: (1, header) for iterator 0, then (next iterator, chunk of bits) until (0, "").
import { argLen, argPtr, parseI64, parsedI64, replyArray, replyBulk, replyError, replyInt } from "ferrite-sdk";
import { F_BYTES, F_DATA } from "../bloom/filter";
import { filterAt, headerLength, writeHeader } from "../bloom/dump";
import { ERR_NOT_FOUND } from "../errors";
import { findValue } from "../find-value";
import { BF_TYPE } from "../type-ids";
import { chunkOffset, MAX_CHUNK } from "../chunks";

export function run(_argc: i32, argv: usize): void {
  const c = findValue(argv, 1, BF_TYPE, ERR_NOT_FOUND);
  if (c == 0) return;
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("Second argument must be numeric"); return; }
  const iter = parsedI64;
  replyArray(2);
  if (iter == 0) {
    const len = headerLength(c);
    const header = heap.alloc(len);
    writeHeader(c, header);
    replyInt(1);
    replyBulk(header, <i32>len);
    heap.free(header);
    return;
  }
  const f = filterAt(c, iter);
  if (f == 0) { replyInt(0); replyBulk(0, 0); return; }
  const len = min(<usize>(load<u64>(f + F_BYTES) - chunkOffset), MAX_CHUNK);
  replyInt(iter + <i64>len);
  replyBulk(load<usize>(f + F_DATA) + <usize>chunkOffset, <i32>len);
}
