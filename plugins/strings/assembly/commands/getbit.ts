// GETBIT key offset. A demoted string is read one byte from its tier (host API 1.2): no promotion.
import { argLen, argPtr, keyFindArg, replyError, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { parseBitOffset, parsedBitOffset, ERR_BIT_OFFSET } from "../bits/bit-offset";
import { demotedByte, demotedLength } from "../string-key";
import { STRING_TYPE, strData, strLen } from "../value";

export function run(argc: i32, argv: usize): void {
  if (!parseBitOffset(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_BIT_OFFSET); return; }
  const byteIndex = parsedBitOffset >> 3;
  const demoted = demotedLength(argv, 1);
  let byte: u32 = 0;
  if (demoted >= 0) {
    if (byteIndex >= <u64>demoted) { replyInt(0); return; }
    byte = demotedByte(argv, 1, <i64>byteIndex);
  } else {
    const handle = keyFindArg(argv, 1, STRING_TYPE);
    if (handle == WRONGTYPE) { replyWrongType(); return; }
    if (handle == MISSING || byteIndex >= <u64>strLen(<usize>handle)) { replyInt(0); return; }
    byte = <u32>load<u8>(strData(<usize>handle) + <usize>byteIndex);
  }
  replyInt((byte >> (7 - <u32>(parsedBitOffset & 7))) & 1);
}
