// HINCRBY and HINCRBYFLOAT: where the new number is formatted, and how it is stored (creating the hash).
import { argLen, argPtr, MISSING } from "ferrite-sdk";
import { storeHash } from "./hash-key";
import { hashCreate, hashSet } from "./value";

/** Room for the longest formatted double (formatF64Human) or i64. */
export const NUMBER_SCRATCH = memory.data(400);

/** Stores `len` bytes of NUMBER_SCRATCH in the field of argument 2 of the hash `found` looked up (or MISSING). */
export function storeNumber(argv: usize, found: f64, len: i32): void {
  const h = found == MISSING ? hashCreate() : <usize>found;
  hashSet(h, argPtr(argv, 2), argLen(argv, 2), NUMBER_SCRATCH, len);
  if (found == MISSING) storeHash(argv, h);
}
