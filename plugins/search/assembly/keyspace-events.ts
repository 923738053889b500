// Following writes to indexed keys: the keyspace events of every class (a SET over a hash, a RENAME, an
// expiry… all change what an index must hold). For a key under an index's prefixes in database 0 (the
// only one RediSearch indexes), a removal event drops its document; any other event re-reads the key
// (indexer.ts), which also drops it when it no longer holds the index's type. Subscribed once the first
// index exists, so a server without indexes delivers no events to this plugin.
import {
  DB_FLUSHED, DB_SWAPPED, NOTIFY_EVERYTHING, NOTIFY_NEW, argLen, argPtr, bytesEqualIgnoreCase, subscribeDbEvents, subscribeEvents,
} from "ferrite-sdk";
import { coversKey, indexClear } from "./index-spec";
import { scanSoon } from "./scan";
import { maybeCompact } from "./compact";
import { reindexKey, removeDoc } from "./indexer";
import { indexAt, indexCount } from "./registry";
import { collectFilterGarbage } from "./create-filter";

let watching = false;

export function watchKeyspace(): void {
  if (watching) return;
  watching = true;
  // `new` is left out: a new key's own event (hset, json.set…) follows it.
  subscribeEvents(NOTIFY_EVERYTHING & ~NOTIFY_NEW);
  subscribeDbEvents(DB_FLUSHED | DB_SWAPPED);
}

/**
 * FLUSHDB/FLUSHALL of database 0 empties every index (definitions kept: writes after it are indexed
 * as before); SWAPDB with database 0 empties them and walks the keys database 0 now holds.
 */
export function ferrite_on_db_event(event: i32, db: i32, other: i32): void {
  if (db != 0 && other != 0) return;
  for (let i = 0; i < indexCount(); i++) {
    const x = indexAt(i);
    indexClear(x);
    x.scanning = false;
    x.restartWalk = false;
    if (event == DB_SWAPPED) x.needsScan = true;
  }
  if (event == DB_SWAPPED) scanSoon();
}

function is(ptr: usize, len: i32, name: string): bool { return bytesEqualIgnoreCase(ptr, len, name); }

export function ferrite_on_event(_eventClass: i32, db: i32, argv: usize): void {
  if (db != 0) return;
  const name = argPtr(argv, 0), nameLen = argLen(argv, 0);
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  const gone = is(name, nameLen, "del") || is(name, nameLen, "expired") || is(name, nameLen, "evicted") ||
    is(name, nameLen, "rename_from") || is(name, nameLen, "move_from");
  for (let i = 0; i < indexCount(); i++) {
    const x = indexAt(i);
    if (!coversKey(x, key, keyLen)) continue;
    if (gone) removeDoc(x, key, keyLen); else reindexKey(x, key, keyLen);
    maybeCompact(x);
  }
  collectFilterGarbage();
}
