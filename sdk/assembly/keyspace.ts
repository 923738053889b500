// Whole-key operations (TYPE, RENAME, COPY, MOVE, DUMP/RESTORE, OBJECT, SCAN, RANDOMKEY), the databases,
// and the host result buffer through which the variable-length answers arrive. keys.ts has the calls a
// data type needs on its own keys; these are what keyspace commands need on anyone's.

import {
  UNTRACKED as STATUS_UNTRACKED,
  key_type, key_rename, key_copy, key_move, key_dump, key_restore, key_object, key_scan, key_random,
  db_size, db_current, db_count, result_read, result_len, key_set_access } from "./host.generated";
import { replyErrorBytes } from "./reply";

/** Statuses of the i32-returning calls below (keys.ts's MISSING is the f64 one, for handles). */
export {
  MISSING as STATUS_MISSING, BADPAYLOAD as STATUS_BADPAYLOAD, EXISTS as STATUS_EXISTS, BADDB as STATUS_BADDB,
} from "./host.generated";

/** keyRename flag. */
export const RENAME_NX: i32 = 2;
/** keyRestore flags. */
export const RESTORE_REPLACE: i32 = 1;
export const RESTORE_ABSTTL: i32 = 2;
/** keyCopy flag. */
export const COPY_REPLACE: i32 = 1;
/** keyCopy's database meaning "the current one". */
export const CURRENT_DB: i32 = -1;

/** keyObject fields. */
export const OBJECT_ENCODING: i32 = 0;
export const OBJECT_FREQ: i32 = 1;
export const OBJECT_IDLETIME: i32 = 2;
export const OBJECT_REFCOUNT: i32 = 3;

/** keyScan's count that visits the whole database in one step (KEYS). */
export const SCAN_ALL: i32 = 0;

/** Length of the type name left in the result buffer, or STATUS_MISSING. */
export function keyType(ptr: usize, len: i32): i32 { return key_type(<i32>ptr, len); }

/** 1 renamed, 0 refused by RENAME_NX, STATUS_MISSING without a source. */
export function keyRename(src: usize, srcLen: i32, dst: usize, dstLen: i32, flags: i32 = 0): i32 {
  return key_rename(<i32>src, srcLen, <i32>dst, dstLen, flags);
}

/** 1 copied, 0 destination exists without COPY_REPLACE, STATUS_MISSING without a source, STATUS_BADDB. */
export function keyCopy(src: usize, srcLen: i32, dst: usize, dstLen: i32, db: i32, flags: i32 = 0): i32 {
  return key_copy(<i32>src, srcLen, <i32>dst, dstLen, db, flags);
}

/** 1 moved, 0 missing here or present in the target, STATUS_BADDB. */
export function keyMove(ptr: usize, len: i32, db: i32): i32 { return key_move(<i32>ptr, len, db); }

/** Length of the serialized value left in the result buffer, or STATUS_MISSING. */
export function keyDump(ptr: usize, len: i32): i32 { return key_dump(<i32>ptr, len); }

/** 1, STATUS_EXISTS or STATUS_BADPAYLOAD. `ttlMs` 0 means no TTL. */
/** RESTORE IDLETIME/FREQ (host API 1.1): idleSeconds < 0 and freq < 0 leave that statistic as it is. */
export function keySetAccess(ptr: usize, len: i32, idleSeconds: f64, freq: i32): bool {
  return key_set_access(<i32>ptr, len, idleSeconds, freq) == 1;
}

export function keyRestore(ptr: usize, len: i32, payload: usize, payloadLen: i32, ttlMs: i64, flags: i32 = 0): i32 {
  return key_restore(<i32>ptr, len, <i32>payload, payloadLen, <f64>ttlMs, flags);
}

/**
 * keyObject's answer when the maxmemory policy does not track the field (OBJECT FREQ without an LFU
 * policy, IDLETIME with one); the result buffer holds the error to reply (replyObjectUntracked).
 */
export const UNTRACKED: f64 = <f64>STATUS_UNTRACKED;

/** Reply the host's error after keyObject answered UNTRACKED. */
export function replyObjectUntracked(): void {
  const len = result_len();
  replyErrorBytes(resultBytes(len), len);
}

/** An OBJECT field (for OBJECT_ENCODING, the name's length in the result buffer), MISSING or UNTRACKED. */
export function keyObject(ptr: usize, len: i32, field: i32): f64 { return key_object(<i32>ptr, len, field); }

/**
 * One SCAN step from `cursor` over about `count` slots (SCAN_ALL: all of them). The matching names are
 * left in the result buffer (resultLen() bytes: u32 count, then per key u32 length and the bytes).
 * Returns the next cursor, 0 at the end.
 */
export function keyScan(cursor: f64, pattern: usize, patternLen: i32, type: usize, typeLen: i32, count: i32): f64 {
  return key_scan(cursor, <i32>pattern, patternLen, <i32>type, typeLen, count);
}

/** Length of a random key's name left in the result buffer, or STATUS_MISSING on an empty database. */
export function keyRandom(): i32 { return key_random(); }

/** Keys in the current database, expired ones not yet reclaimed included (DBSIZE). */
export function dbSize(): i64 { return <i64>db_size(); }

/** The calling client's database index. */
export function currentDb(): i32 { return db_current(); }

/** How many databases there are: valid indexes are 0 to dbCount()-1. */
export function dbCount(): i32 { return db_count(); }

/** Bytes in the result buffer, for calls whose return value is not that length (keyScan). */
export function resultLen(): i32 { return result_len(); }

/** Copies the whole result buffer (resultLen() bytes) to `dst`. */
export function resultRead(dst: usize): void { result_read(<i32>dst); }

const MIN_RESULT_BLOCK: i32 = 4096;
let resultBlock: usize = 0;
let resultBlockSize: i32 = 0;

/**
 * The last result (`len` bytes) copied into one block the SDK reuses and only grows, so short answers
 * (type and key names, dumps) allocate nothing. Valid until the next call; for a result too large to keep
 * a block of that size around (a whole-database scan), heap.alloc(resultLen()) and resultRead instead.
 */
export function resultBytes(len: i32): usize {
  if (len > resultBlockSize) {
    if (resultBlock != 0) heap.free(resultBlock);
    resultBlockSize = max(len << 1, MIN_RESULT_BLOCK);
    resultBlock = heap.alloc(<usize>resultBlockSize);
  }
  result_read(<i32>resultBlock);
  return resultBlock;
}
