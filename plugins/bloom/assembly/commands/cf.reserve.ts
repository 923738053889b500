// CF.RESERVE key capacity [BUCKETSIZE n] [MAXITERATIONS n] [EXPANSION n]
import { argLen, argPtr, keyFindArg, keySetArg, parseI64, parsedI64, replyArityError, replyError, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { argIndex } from "../arg-index";
import { cfCreate, nextPow2, subSize } from "../cuckoo/filter";
import { ERR_ITEM_EXISTS } from "../errors";
import { CF_TYPE } from "../type-ids";

/** The value after keyword `name` when it is an integer from min to max, else -1 (absent: `fallback`). */
function option(argc: i32, argv: usize, name: string, fallback: i64, min: i64, max: i64): i64 {
  const at = argIndex(argc, argv, 3, name);
  if (at < 0) return fallback;
  if (at + 1 >= argc || !parseI64(argPtr(argv, at + 1), argLen(argv, at + 1))) return -2;
  return parsedI64 < min || parsedI64 > max ? -1 : parsedI64;
}

export function run(argc: i32, argv: usize): void {
  if ((argc & 1) == 0) { replyArityError(argv); return; }
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("Bad capacity"); return; }
  const capacity = parsedI64;
  const iterations = option(argc, argv, "MAXITERATIONS", 20, 1, 65535);
  if (iterations == -2) { replyError("Couldn't parse MAXITERATIONS"); return; }
  if (iterations == -1) { replyError("MAXITERATIONS parameter needs to be a positive integer"); return; }
  const bucketSize = option(argc, argv, "BUCKETSIZE", 2, 1, 255);
  if (bucketSize == -2) { replyError("Couldn't parse BUCKETSIZE"); return; }
  if (bucketSize == -1) { replyError("BUCKETSIZE parameter needs to be a positive integer"); return; }
  const expansion = option(argc, argv, "EXPANSION", 1, 0, 32768);
  if (expansion == -2) { replyError("Couldn't parse EXPANSION"); return; }
  if (expansion == -1) { replyError("EXPANSION parameter needs to be a non-negative integer"); return; }
  if (bucketSize * 2 > capacity) { replyError("Capacity must be at least (BucketSize * 2)"); return; }
  const h = keyFindArg(argv, 1, CF_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING) { replyError(ERR_ITEM_EXISTS); return; }
  if (subSize(max<u64>(nextPow2(<u64>capacity / <u64>bucketSize), 1), <u32>bucketSize, 1, 0) == 0) { replyError("Couldn't create Cuckoo Filter"); return; }
  keySetArg(argv, 1, CF_TYPE, <f64>cfCreate(<u64>capacity, <u32>bucketSize, <u32>iterations, <u32>expansion));
  replyOk();
}
