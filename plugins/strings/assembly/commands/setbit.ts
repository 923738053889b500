// SETBIT key offset value
import { argPtr, argLen, keyPeekArg, parseI64, parsedI64, replyError, replyInt, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { parseBitOffset, parsedBitOffset, ERR_BIT_OFFSET } from "../bits/bit-offset";
import { holdsBit, openForBitWrite } from "../bits/bit-write";
import { STRING_TYPE, strData } from "../value";
import { SETBIT } from "../events";

const ERR_BIT_VALUE = "ERR bit is not an integer or out of range";

export function run(argc: i32, argv: usize): void {
  if (!parseBitOffset(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_BIT_OFFSET); return; }
  const offset = parsedBitOffset;
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3)) || (parsedI64 & ~1) != 0) { replyError(ERR_BIT_VALUE); return; }
  const on = parsedI64 != 0;
  const mask = <u32>1 << (7 - <u32>(offset & 7));
  const found = keyPeekArg(argv, 1, STRING_TYPE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  if (holdsBit(found, offset)) {
    const was = (<u32>load<u8>(strData(<usize>found) + <usize>(offset >> 3)) & mask) != 0;
    // The bit already holds the value: no write, so no dirty count and no event, as in Redis.
    if (was == on) { replyInt(was ? 1 : 0); return; }
  }
  const handle = openForBitWrite(argv, 1, offset, found);
  const at = strData(handle) + <usize>(offset >> 3);
  const old = <u32>load<u8>(at);
  store<u8>(at, on ? old | mask : old & ~mask);
  SETBIT.emitArg(argv, 1);
  replyInt((old & mask) != 0 ? 1 : 0);
}
