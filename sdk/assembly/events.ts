// Keyspace events (host API 1.2): raising a command's events, and following other plugins' writes.
// A plugin that imports these declares "abi": "1.2" in plugin.json.

import { argLen, argPtr } from "./args";
import { db_event_subscribe, event_emit, event_subscribe } from "./host.generated";

/** Event classes: Redis's NOTIFY_* bits (the notify-keyspace-events letters in comments). */
export const NOTIFY_GENERIC: i32 = 1 << 2; // g
export const NOTIFY_STRING: i32 = 1 << 3; // $
export const NOTIFY_LIST: i32 = 1 << 4; // l
export const NOTIFY_SET: i32 = 1 << 5; // s
export const NOTIFY_HASH: i32 = 1 << 6; // h
export const NOTIFY_ZSET: i32 = 1 << 7; // z
export const NOTIFY_EXPIRED: i32 = 1 << 8; // x
export const NOTIFY_EVICTED: i32 = 1 << 9; // e
export const NOTIFY_STREAM: i32 = 1 << 10; // t
export const NOTIFY_MODULE: i32 = 1 << 13; // d: a plugin type's own events
export const NOTIFY_NEW: i32 = 1 << 14; // n
/** Every class (Redis's A plus n): for a plugin that follows all writes. */
export const NOTIFY_EVERYTHING: i32 = NOTIFY_GENERIC | NOTIFY_STRING | NOTIFY_LIST | NOTIFY_SET | NOTIFY_HASH |
  NOTIFY_ZSET | NOTIFY_EXPIRED | NOTIFY_EVICTED | NOTIFY_STREAM | NOTIFY_MODULE | NOTIFY_NEW;

/**
 * The event classes someone listens to, which the host keeps current here (host API 1.3): every class
 * until it does, so that a plugin on an older host emits everything.
 */
const LISTENED: usize = memory.data<i32>([-1]);

/** The export `ferrite_event_mask` (host API 1.3): where the host keeps the listened classes. */
export function ferrite_event_mask(): usize { return LISTENED; }

/**
 * One event a plugin raises, its name encoded once. Declare them at top level so that emitting
 * allocates nothing: `const HSET = new KeyEvent(NOTIFY_HASH, "hset");` then `HSET.emit(keyPtr, keyLen)`.
 */
export class KeyEvent {
  readonly name: ArrayBuffer;

  constructor(readonly eventClass: i32, name: string) {
    this.name = String.UTF8.encode(name);
  }

  /**
   * Raise the event about the key, in the calling client's database, after the write it reports; no
   * call to the host when nobody listens to its class.
   */
  emit(keyPtr: usize, keyLen: i32): void {
    if ((load<i32>(LISTENED) & this.eventClass) == 0) return;
    event_emit(this.eventClass, <i32>changetype<usize>(this.name), this.name.byteLength, <i32>keyPtr, keyLen);
  }

  /** emit() about the key in command argument `i`. */
  emitArg(argv: usize, i: i32): void { this.emit(argPtr(argv, i), argLen(argv, i)); }
}

/**
 * Receive the events of `classes` (a mask of NOTIFY_* bits; 0 stops) through the export
 * `ferrite_on_event(eventClass: i32, db: i32, argv: usize): void`, where argPtr/argLen(argv, 0) are the
 * event name and (argv, 1) the key. Call it from ferrite_init (assembly/init.ts).
 */
export function subscribeEvents(classes: i32): void { event_subscribe(classes); }

/** Database events (host API 1.7): database `db`'s keys are about to be dropped (FLUSHDB, FLUSHALL). */
export const DB_FLUSHED: i32 = 1;
/** Database events (host API 1.7): databases `db` and `other` traded their contents (SWAPDB). */
export const DB_SWAPPED: i32 = 2;

/**
 * Receive the database events of `events` (DB_FLUSHED | DB_SWAPPED; 0 stops) through the export
 * `ferrite_on_db_event(event: i32, db: i32, other: i32): void`, called at the moment of the flush or swap:
 * for a plugin keeping an index per database. Declare "abi": "1.7".
 */
export function subscribeDbEvents(events: i32): void { db_event_subscribe(events); }
