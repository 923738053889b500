// The keyspace calls on the key a command names in argument i: what every command of a data type does
// with its own key, written once here instead of once per plugin.

import { argLen, argPtr } from "./args";
import { keyDelete, keyFind, keyGetExpire, keyPut, keySet, MISSING } from "./keys";

/** keyFind on the key in argument i: the handle, MISSING, or WRONGTYPE when it holds another type. */
// @ts-ignore: decorator
@inline export function keyFindArg(argv: usize, i: i32, type: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), type, flags);
}

/**
 * The key in argument i looked up as Redis's lookupKeyWrite does, for a write command that may change
 * nothing: neither counted as a write (that is what FIND_WRITE does; open it so before changing the
 * value) nor, when missing, raising the `keymiss` event a plain read lookup raises. Its absence is
 * checked first through its expiry (-2: no such key), which has no side effect.
 */
export function keyPeekArg(argv: usize, i: i32, type: i32): f64 {
  if (keyGetExpire(argPtr(argv, i), argLen(argv, i)) == -2) return MISSING;
  return keyFindArg(argv, i, type);
}

/** keySet on the key in argument i: binds `handle`, replacing whatever was there (TTL cleared unless SET_KEEPTTL). */
export function keySetArg(argv: usize, i: i32, type: i32, handle: f64, flags: i32 = 0): bool {
  return keySet(argPtr(argv, i), argLen(argv, i), type, handle, flags);
}

/** keyPut (host API 1.3) on the key in argument i: see keyPut for its result. */
// @ts-ignore: decorator
@inline export function keyPutArg(argv: usize, i: i32, type: i32, handle: f64, bytes: f64, flags: i32 = 0): f64 {
  return keyPut(argPtr(argv, i), argLen(argv, i), type, handle, bytes, flags);
}

/** keyDelete on the key in argument i. */
export function keyDeleteArg(argv: usize, i: i32): bool {
  return keyDelete(argPtr(argv, i), argLen(argv, i));
}

/**
 * Redis never keeps an empty collection: deletes the key in argument i when its value's size is 0 (call
 * after the command's own keyspace event, so `del` follows it as in Redis). True when it deleted the key.
 */
export function keyDropArgIfEmpty(argv: usize, i: i32, size: i64): bool {
  return size == 0 && keyDelete(argPtr(argv, i), argLen(argv, i));
}
