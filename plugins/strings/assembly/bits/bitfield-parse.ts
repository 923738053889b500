// Reading one BITFIELD operation (GET, SET, INCRBY or OVERFLOW) from the argument list, with Redis's
// checks in Redis's order. The result is left in module globals: AssemblyScript has no out parameters,
// and a returned object would be a managed allocation.

import { argIs, argLen, argPtr, parsedI64, parseI64, parseIntArg, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { parseBitOffset, parsedBitOffset, ERR_BIT_OFFSET } from "./bit-offset";
import { OVERFLOW_FAIL, OVERFLOW_SAT, OVERFLOW_WRAP } from "./bitfield-math";

export const OP_GET: i32 = 0;
const OP_SET: i32 = 1;
export const OP_INCRBY: i32 = 2;
export const OP_OVERFLOW: i32 = 3;

const ERR_TYPE = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

export let opCode: i32 = OP_GET;
export let opSigned: bool = false;
export let opBits: i32 = 0;
export let opOffset: u64 = 0;
/** SET's value or INCRBY's increment. */
export let opValue: i64 = 0;
/** The mode set by the last OVERFLOW, for the operations after it. */
export let overflowMode: i32 = OVERFLOW_WRAP;

export function resetOverflowMode(): void {
  overflowMode = OVERFLOW_WRAP;
}

/** `i1`..`i64` or `u1`..`u63` (a u64 could not be replied as a signed integer). */
function parseType(ptr: usize, len: i32): bool {
  if (len < 1) return false;
  const sign = load<u8>(ptr);
  if (sign != 105 && sign != 117) return false; // 'i', 'u'
  opSigned = sign == 105;
  if (!parseI64(ptr + 1, len - 1) || parsedI64 < 1 || parsedI64 > (opSigned ? 64 : 63)) return false;
  opBits = <i32>parsedI64;
  return true;
}

function parseOverflowMode(argv: usize, i: i32): bool {
  if (argIs(argv, i, "wrap")) overflowMode = OVERFLOW_WRAP;
  else if (argIs(argv, i, "sat")) overflowMode = OVERFLOW_SAT;
  else if (argIs(argv, i, "fail")) overflowMode = OVERFLOW_FAIL;
  else return false;
  return true;
}

/** Reads the operation at argument `j`; returns the index of the next one, or -1 after replying an error. */
export function parseOperation(argc: i32, argv: usize, j: i32): i32 {
  const remaining = argc - j - 1;
  if (argIs(argv, j, "get") && remaining >= 2) opCode = OP_GET;
  else if (argIs(argv, j, "set") && remaining >= 3) opCode = OP_SET;
  else if (argIs(argv, j, "incrby") && remaining >= 3) opCode = OP_INCRBY;
  else if (argIs(argv, j, "overflow") && remaining >= 1) {
    opCode = OP_OVERFLOW;
    if (parseOverflowMode(argv, j + 1)) return j + 2;
    replyError("ERR Invalid OVERFLOW type specified");
    return -1;
  } else {
    replyError(ERR_SYNTAX);
    return -1;
  }
  if (!parseType(argPtr(argv, j + 1), argLen(argv, j + 1))) { replyError(ERR_TYPE); return -1; }
  if (!parseBitOffset(argPtr(argv, j + 2), argLen(argv, j + 2), opBits)) { replyError(ERR_BIT_OFFSET); return -1; }
  opOffset = parsedBitOffset;
  if (opCode == OP_GET) return j + 3;
  if (!parseIntArg(argv, j + 3)) return -1;
  opValue = parsedI64;
  return j + 4;
}
