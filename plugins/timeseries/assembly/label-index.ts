// The label index: per database, key name → a copy of its series's labels (one SDK byte map each).
// Queries walk it and filter on the copies, opening only the series that match; a key that no longer
// holds a series when a query opens it (a SET over it: a write that raises no event we can follow) is
// dropped from the index right there. Kept exact otherwise by our own writes, by the generic keyspace
// events (init.ts) and by the database events: a flushed database's index is emptied, a swap trades
// two databases' indexes (host API 1.7). Saved with the snapshot through aux_save.
import {
  DB_FLUSHED, DB_SWAPPED, NOTIFY_EVICTED, NOTIFY_EXPIRED, NOTIFY_GENERIC, bmCreate, bmDelete, bmFree, bmSet, dbCount, subscribeDbEvents,
  subscribeEvents,
} from "ferrite-sdk";

let watching = false;

/**
 * Starts following the keyspace events once the first series exists (created, loaded, restored or
 * copied: every series comes from seriesNew), so a server that holds no time series delivers no events
 * to this plugin. Before any series exists there is nothing the events could make stale.
 */
export function watchKeyspace(): void {
  if (watching) return;
  watching = true;
  subscribeEvents(NOTIFY_GENERIC | NOTIFY_EXPIRED | NOTIFY_EVICTED);
  subscribeDbEvents(DB_FLUSHED | DB_SWAPPED);
}

let maps: usize = 0; // u32 map pointer per database, created on first use
let mapCount: i32 = 0;

/** The index of database `db` (created empty on first use). */
export function indexOf(db: i32): usize {
  if (mapCount == 0) {
    mapCount = dbCount();
    maps = heap.alloc(<usize>mapCount << 2);
    memory.fill(maps, 0, <usize>mapCount << 2);
  }
  if (db < 0 || db >= mapCount) return 0;
  let map = <usize>load<u32>(maps + (<usize>db << 2));
  if (!map) {
    map = bmCreate();
    store<u32>(maps + (<usize>db << 2), <u32>map);
  }
  return map;
}

export function indexDatabases(): i32 { indexOf(0); return mapCount; }

/** Records (or replaces) a key's labels; a series without labels is left out: no filter can match it. */
export function indexSet(db: i32, key: usize, keyLen: i32, labels: usize, labelsLen: i32): void {
  const map = indexOf(db);
  if (!map) return;
  if (labelsLen == 0) bmDelete(map, key, keyLen);
  else bmSet(map, key, keyLen, labels, labelsLen);
}

export function indexRemove(db: i32, key: usize, keyLen: i32): void {
  const map = indexOf(db);
  if (map) bmDelete(map, key, keyLen);
}

/** FLUSHDB / FLUSHALL empty a database's index; SWAPDB trades two databases' indexes (host API 1.7). */
export function ferrite_on_db_event(event: i32, db: i32, other: i32): void {
  indexOf(0); // the table of maps exists
  if (db < 0 || db >= mapCount) return;
  const slot = maps + (<usize>db << 2);
  if (event == DB_FLUSHED) {
    const map = <usize>load<u32>(slot);
    if (map) bmFree(map);
    store<u32>(slot, 0);
  } else if (event == DB_SWAPPED && other >= 0 && other < mapCount) {
    const otherSlot = maps + (<usize>other << 2);
    const map = load<u32>(slot);
    store<u32>(slot, load<u32>(otherSlot));
    store<u32>(otherSlot, map);
  }
}
