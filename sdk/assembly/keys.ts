// The keyspace, as the host exposes it. Handles are f64 (see abi.json); negative values are statuses.

import {
  key_find, key_set, key_put, key_delete, key_get_expire, key_set_expire, key_touch, time_ms,
  MISSING as STATUS_MISSING, WRONGTYPE as STATUS_WRONGTYPE, BOUND as STATUS_BOUND,
} from "./host.generated";

export const MISSING: f64 = <f64>STATUS_MISSING;
export const WRONGTYPE: f64 = <f64>STATUS_WRONGTYPE;

/** Any type, for keyFind. */
export const ANY_TYPE: i32 = -1;

/** keyFind flags. */
export const FIND_WRITE: i32 = 1;
export const FIND_NOTOUCH: i32 = 2;

/** keySet flags. */
export const SET_KEEPTTL: i32 = 1;
export const SET_NX: i32 = 2;
export const SET_XX: i32 = 4;

/** No expiry, for keySetExpire / keyGetExpire. */
export const NO_EXPIRE: f64 = -1;

/** The value handle of the key, MISSING, or WRONGTYPE when it holds another type than `type`. */
export function keyFind(ptr: usize, len: i32, type: i32, flags: i32 = 0): f64 {
  return key_find(<i32>ptr, len, type, flags);
}

/** Binds a handle of this plugin's `type`; true if bound, false if NX/XX refused (caller still owns it). */
export function keySet(ptr: usize, len: i32, type: i32, handle: f64, flags: i32 = 0): bool {
  return key_set(<i32>ptr, len, type, handle, flags) == 1;
}

/** keyPut's result when the value was bound and no previous value came back to free. */
export const PUT_BOUND: f64 = <f64>STATUS_BOUND;

/**
 * keySet for a value whose size you know, cheaper on every write (host API 1.3: declare "abi": "1.3").
 * `bytes` is what your ferrite_type_memory answers for `handle`, so the host does not ask; and the key's
 * previous value, when it is one of yours of the same `type`, comes back for you to free instead of the
 * host calling ferrite_type_free. Returns that previous handle (>= 0: free it now), PUT_BOUND when there
 * is nothing to free, or another negative value when NX/XX refused (you still own `handle`).
 */
export function keyPut(ptr: usize, len: i32, type: i32, handle: f64, bytes: f64, flags: i32 = 0): f64 {
  return key_put(<i32>ptr, len, type, handle, flags, bytes);
}

/** True if a key was deleted. */
export function keyDelete(ptr: usize, len: i32): bool { return key_delete(<i32>ptr, len) == 1; }

/** Absolute expiry in Unix ms; -1 without one; -2 when the key does not exist. */
export function keyGetExpire(ptr: usize, len: i32): f64 { return key_get_expire(<i32>ptr, len); }

/** Sets the absolute expiry (NO_EXPIRE removes it; a past time deletes the key). True if the key exists. */
export function keySetExpire(ptr: usize, len: i32, atMs: f64): bool { return key_set_expire(<i32>ptr, len, atMs) == 1; }

export function keyTouch(ptr: usize, len: i32): bool { return key_touch(<i32>ptr, len) == 1; }

/** Unix time in ms, frozen for the current command. */
export function nowMs(): i64 { return <i64>time_ms(); }
