// Bit offsets as SETBIT, GETBIT and BITFIELD read them (Redis's getBitOffsetFromArgument).

import { parseI64, parsedI64 } from "ferrite-sdk";
import { MAX_STRING_LEN } from "../value";

export const ERR_BIT_OFFSET = "ERR bit offset is not an integer or out of range";

/** The offset read by the last successful parseBitOffset. */
export let parsedBitOffset: u64 = 0;

/**
 * Reads a bit offset. With `fieldBits` > 0 (BITFIELD), `#n` means n fields of that width. The
 * multiplication wraps like Redis's does, and the range check comes after it.
 */
export function parseBitOffset(ptr: usize, len: i32, fieldBits: i32 = 0): bool {
  const byField = fieldBits > 0 && len > 0 && load<u8>(ptr) == 35; // '#'
  const skip = byField ? 1 : 0;
  if (!parseI64(ptr + skip, len - skip)) return false;
  const offset = byField ? parsedI64 * <i64>fieldBits : parsedI64;
  // Redis refuses a bit whose byte lies at or past proto-max-bulk-len: the largest offset is 2^32-1.
  if (offset < 0 || (offset >> 3) >= MAX_STRING_LEN) return false;
  parsedBitOffset = <u64>offset;
  return true;
}
