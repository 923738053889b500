// The label index: per database, key name → a copy of its series's labels (one SDK byte map each).
// Queries walk it and filter on the copies, opening only the series that match; a key that no longer
// holds a series when a query opens it (FLUSHDB, a SET over it: writes that raise no event we can
// follow) is dropped from the index right there. Kept exact otherwise by our own writes and by the
// generic keyspace events (init.ts), and saved with the snapshot through aux_save.
import { NOTIFY_EVICTED, NOTIFY_EXPIRED, NOTIFY_GENERIC, bmCreate, bmDelete, bmSet, dbCount, subscribeEvents } from "ferrite-sdk";

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
