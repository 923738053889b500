// HINCRBY and HINCRBYFLOAT: where the new number is formatted, and how it is stored (creating the hash).
import { argLen, argPtr, keySetArg, I64_MAX_CHARS, MISSING } from "ferrite-sdk";
import { HASH_TYPE, hashCreate, hashSet } from "./value";

/** Room for a formatted i64 (HINCRBY; HINCRBYFLOAT formats into the SDK's longDoubleText). */
export const NUMBER_SCRATCH = memory.data(I64_MAX_CHARS);

/** Stores the number text at `ptr` in the field of argument 2 of the hash `found` looked up (or MISSING). */
export function storeNumber(argv: usize, found: f64, ptr: usize, len: i32): void {
  const h = found == MISSING ? hashCreate() : <usize>found;
  hashSet(h, argPtr(argv, 2), argLen(argv, 2), ptr, len);
  if (found == MISSING) keySetArg(argv, 1, HASH_TYPE, <f64>h);
}
