// GETBIT key offset
import { argPtr, argLen, replyError, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { parseBitOffset, parsedBitOffset, ERR_BIT_OFFSET } from "../bits/bit-offset";
import { findString } from "../string-key";
import { strData, strLen } from "../value";

export function run(argc: i32, argv: usize): void {
  if (!parseBitOffset(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_BIT_OFFSET); return; }
  const handle = findString(argv, 1);
  if (handle == WRONGTYPE) { replyWrongType(); return; }
  const byteIndex = parsedBitOffset >> 3;
  if (handle == MISSING || byteIndex >= <u64>strLen(<usize>handle)) { replyInt(0); return; }
  const byte = <u32>load<u8>(strData(<usize>handle) + <usize>byteIndex);
  replyInt((byte >> (7 - <u32>(parsedBitOffset & 7))) & 1);
}
