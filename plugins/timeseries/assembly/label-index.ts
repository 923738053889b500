// The label index, per database: key name → a copy of its series's labels (one SDK byte map), and the
// inverted index over it, label=value → the set of keys carrying that pair (a byte map from the pair to
// a set, itself a byte map with empty values). A query starts from the pair set of its narrowest
// matcher (every query has an l=v or l=(a,b), RedisTimeSeries's rule) and checks the other filters on
// the label copies, opening only the series that match; a key that no longer holds a series when a
// query opens it (a SET over it: a write that raises no event we can follow) is dropped right there.
// Kept exact otherwise by our own writes, by the generic keyspace events (init.ts) and by the database
// events: a flushed database's index is emptied, a swap trades two databases' indexes (host API 1.7).
// The labels map is saved with the snapshot through aux_save; the pair sets are rebuilt from it on load.
import {
  DB_FLUSHED, DB_SWAPPED, NOTIFY_EVICTED, NOTIFY_EXPIRED, NOTIFY_GENERIC, bmBucket, bmBuckets, bmCount, bmCreate, bmDelete, bmFind, bmFree,
  bmNext, bmSet, bmVal, dbCount, subscribeDbEvents, subscribeEvents,
} from "ferrite-sdk";
import { firstLabel, labelCount, nameLen, namePtr, nextLabel, valueLen, valuePtr } from "./labels";

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

let maps: usize = 0; // per database: u32 labels map, u32 pairs map (both created on first use)
let mapCount: i32 = 0;

// @ts-ignore: decorator
@inline function slot(db: i32): usize { return maps + (<usize>db << 3); }

/** The labels map (key → labels) of database `db`, created empty on first use; 0 for no such database. */
export function indexOf(db: i32): usize {
  if (mapCount == 0) {
    mapCount = dbCount();
    maps = heap.alloc(<usize>mapCount << 3);
    memory.fill(maps, 0, <usize>mapCount << 3);
  }
  if (db < 0 || db >= mapCount) return 0;
  if (!load<u32>(slot(db))) {
    store<u32>(slot(db), <u32>bmCreate());
    store<u32>(slot(db), <u32>bmCreate(), 4);
  }
  return <usize>load<u32>(slot(db));
}

// @ts-ignore: decorator
@inline function pairsOf(db: i32): usize { return <usize>load<u32>(slot(db), 4); }

let pairKey: usize = 0; // the pair being looked up: u32 name length, name, value (grown as needed)
let pairKeyCap: usize = 0;

function buildPair(name: usize, nameLength: i32, value: usize, valueLength: i32): i32 {
  const len: usize = 4 + <usize>nameLength + <usize>valueLength;
  if (len > pairKeyCap) {
    pairKeyCap = len < 64 ? 64 : len * 2;
    pairKey = pairKey ? heap.realloc(pairKey, pairKeyCap) : heap.alloc(pairKeyCap);
  }
  store<u32>(pairKey, <u32>nameLength);
  memory.copy(pairKey + 4, name, <usize>nameLength);
  memory.copy(pairKey + 4 + <usize>nameLength, value, <usize>valueLength);
  return <i32>len;
}

/** The set of keys whose series carry label name=value in database `db` (a byte map), or 0. */
export function pairSet(db: i32, name: usize, nameLength: i32, value: usize, valueLength: i32): usize {
  if (!indexOf(db)) return 0;
  const e = bmFind(pairsOf(db), pairKey, buildPair(name, nameLength, value, valueLength));
  return e ? <usize>load<u32>(bmVal(e)) : 0;
}

const setRef: usize = memory.data(4);
let pairLen: i32 = 0; // the length of pairKey as labelPair built it

/** The pairs map's entry for the label at `at` of a labels block (pairKey/pairLen hold its key), or 0. */
function labelPair(pairs: usize, at: usize): usize {
  pairLen = buildPair(namePtr(at), nameLen(at), valuePtr(at), valueLen(at));
  return bmFind(pairs, pairKey, pairLen);
}

/** Adds the key to the set of each of its labels (a set created on first use). */
function pairsAdd(db: i32, key: usize, keyLen: i32, labels: usize): void {
  const pairs = pairsOf(db);
  let at = firstLabel(labels);
  for (let i = labelCount(labels); i > 0; i--, at = nextLabel(at)) {
    const e = labelPair(pairs, at);
    let set = e ? <usize>load<u32>(bmVal(e)) : 0;
    if (!set) {
      set = bmCreate();
      store<u32>(setRef, <u32>set);
      bmSet(pairs, pairKey, pairLen, setRef, 4);
    }
    bmSet(set, key, keyLen, 0, 0);
  }
}

/** Takes the key out of the set of each of its labels, dropping a set left empty. */
function pairsRemove(db: i32, key: usize, keyLen: i32, labels: usize): void {
  const pairs = pairsOf(db);
  let at = firstLabel(labels);
  for (let i = labelCount(labels); i > 0; i--, at = nextLabel(at)) {
    const e = labelPair(pairs, at);
    if (!e) continue;
    const set = <usize>load<u32>(bmVal(e));
    bmDelete(set, key, keyLen);
    if (bmCount(set) == 0) {
      bmFree(set);
      bmDelete(pairs, pairKey, pairLen);
    }
  }
}

export function indexDatabases(): i32 { indexOf(0); return mapCount; }

/** Records (or replaces) a key's labels; a series without labels is left out: no filter can match it. */
export function indexSet(db: i32, key: usize, keyLen: i32, labels: usize, labelsLen: i32): void {
  indexRemove(db, key, keyLen);
  if (labelsLen == 0) return;
  const map = indexOf(db);
  if (!map) return;
  bmSet(map, key, keyLen, labels, labelsLen);
  pairsAdd(db, key, keyLen, labels);
}

export function indexRemove(db: i32, key: usize, keyLen: i32): void {
  const map = indexOf(db);
  if (!map) return;
  const e = bmFind(map, key, keyLen);
  if (!e) return;
  pairsRemove(db, key, keyLen, bmVal(e));
  bmDelete(map, key, keyLen);
}

/** Frees database `db`'s two maps (the pair sets included), leaving none. */
function freeIndex(db: i32): void {
  const map = <usize>load<u32>(slot(db));
  if (!map) return;
  const pairs = pairsOf(db);
  const n = bmBuckets(pairs);
  for (let b: u32 = 0; b < n; b++) {
    for (let e = bmBucket(pairs, b); e != 0; e = bmNext(e)) bmFree(<usize>load<u32>(bmVal(e)));
  }
  bmFree(pairs);
  bmFree(map);
  store<u64>(slot(db), 0);
}

/** FLUSHDB / FLUSHALL empty a database's index; SWAPDB trades two databases' indexes (host API 1.7). */
export function ferrite_on_db_event(event: i32, db: i32, other: i32): void {
  indexOf(0); // the table of maps exists
  if (db < 0 || db >= mapCount) return;
  if (event == DB_FLUSHED) {
    freeIndex(db);
  } else if (event == DB_SWAPPED && other >= 0 && other < mapCount) {
    const both = load<u64>(slot(db));
    store<u64>(slot(db), load<u64>(slot(other)));
    store<u64>(slot(other), both);
  }
}
