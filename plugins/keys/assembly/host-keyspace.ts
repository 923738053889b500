// Host API 1.0 imports the public SDK does not wrap yet (key_type, key_rename, key_copy, key_move,
// key_dump, key_restore, key_object, key_scan, key_random, db_current, result_read, and a simple-string
// reply from bytes). Thin typed wrappers, so command files never call raw imports.
import {
  key_copy, key_dump, key_move, key_object, key_random, key_rename, key_restore, key_scan, key_type,
  db_current, reply_simple,
} from "ferrite-sdk/host.generated";

/** Status codes of the i32-returning calls below (the SDK exports MISSING as an f64 for handles). */
export {
  MISSING as STATUS_MISSING, BADPAYLOAD as STATUS_BADPAYLOAD, EXISTS as STATUS_EXISTS, BADDB as STATUS_BADDB,
} from "ferrite-sdk/host.generated";

/** key_rename and key_restore flags. */
export const RENAME_NX: i32 = 2;
export const RESTORE_REPLACE: i32 = 1;
export const RESTORE_ABSTTL: i32 = 2;
/** key_copy flag. */
export const COPY_REPLACE: i32 = 1;
/** key_copy's database meaning "the current one". */
export const CURRENT_DB: i32 = -1;

/** key_object fields. */
export const OBJECT_ENCODING: i32 = 0;
export const OBJECT_FREQ: i32 = 1;
export const OBJECT_IDLETIME: i32 = 2;
export const OBJECT_REFCOUNT: i32 = 3;

/** Length of the type name left in the host result buffer, or MISSING. */
export function keyType(ptr: usize, len: i32): i32 { return key_type(<i32>ptr, len); }

/** 1 renamed, 0 refused by NX, MISSING without a source. */
export function keyRename(src: usize, srcLen: i32, dst: usize, dstLen: i32, flags: i32): i32 {
  return key_rename(<i32>src, srcLen, <i32>dst, dstLen, flags);
}

/** 1 copied, 0 destination exists without REPLACE, MISSING without a source, BADDB. */
export function keyCopy(src: usize, srcLen: i32, dst: usize, dstLen: i32, db: i32, flags: i32): i32 {
  return key_copy(<i32>src, srcLen, <i32>dst, dstLen, db, flags);
}

/** 1 moved, 0 missing or present in the target, BADDB. */
export function keyMove(ptr: usize, len: i32, db: i32): i32 { return key_move(<i32>ptr, len, db); }

/** Length of the payload left in the host result buffer, or MISSING. */
export function keyDump(ptr: usize, len: i32): i32 { return key_dump(<i32>ptr, len); }

/** 1, EXISTS or BADPAYLOAD. `ttlMs` 0 means no TTL. */
export function keyRestore(ptr: usize, len: i32, payload: usize, payloadLen: i32, ttlMs: i64, flags: i32): i32 {
  return key_restore(<i32>ptr, len, <i32>payload, payloadLen, <f64>ttlMs, flags);
}

/** An OBJECT field (the encoding's length for OBJECT_ENCODING), or MISSING. */
export function keyObject(ptr: usize, len: i32, field: i32): f64 { return key_object(<i32>ptr, len, field); }

/** One SCAN step; the batch is left in the host result buffer. Returns the next cursor. */
export function keyScan(cursor: f64, pattern: usize, patternLen: i32, type: usize, typeLen: i32, count: i32): f64 {
  return key_scan(cursor, <i32>pattern, patternLen, <i32>type, typeLen, count);
}

/** Length of a random key's name left in the host result buffer, or MISSING. */
export function keyRandom(): i32 { return key_random(); }

export function currentDb(): i32 { return db_current(); }

/** `+text` from bytes in memory (the SDK's replySimple takes only string literals). */
export function replySimpleBytes(ptr: usize, len: i32): void { reply_simple(<i32>ptr, len); }
