// Keeping the label index exact: the generic, expired and evicted events (which the host raises for
// every key, whatever its type; subscribed once a series exists, see label-index.ts), and the index
// saved with the snapshot.
import {
  FIND_NOTOUCH, MISSING, WRONGTYPE, argLen, argPtr, bmBucket, bmBuckets, bmCount, bmKey, bmKeyLen, bmNext, bmVal, bmValLen,
  bytesEqualIgnoreCase, keyFind, saveWrite,
} from "ferrite-sdk";
import { indexDatabases, indexOf, indexRemove, indexSet } from "./label-index";
import { labelsValid } from "./labels";
import { relinkRenamed, rememberRenamed } from "./rename";
import { Series, TS_TYPE } from "./series";


function is(ptr: usize, len: i32, name: string): bool { return bytesEqualIgnoreCase(ptr, len, name); }

export function ferrite_on_event(_eventClass: i32, db: i32, argv: usize): void {
  const name = argPtr(argv, 0), nameLen = argLen(argv, 0);
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  if (is(name, nameLen, "del") || is(name, nameLen, "expired") || is(name, nameLen, "evicted") || is(name, nameLen, "move_from")) {
    indexRemove(db, key, keyLen);
  } else if (is(name, nameLen, "rename_from")) {
    rememberRenamed(key, keyLen);
    indexRemove(db, key, keyLen);
  } else if (is(name, nameLen, "rename_to") || is(name, nameLen, "move_to") || is(name, nameLen, "copy_to") || is(name, nameLen, "restore")) {
    const h = keyFind(key, keyLen, TS_TYPE, FIND_NOTOUCH);
    if (h == MISSING || h == WRONGTYPE) { indexRemove(db, key, keyLen); return; }
    const s = changetype<Series>(<usize>h);
    indexSet(db, key, keyLen, s.labels, s.labelsLen);
    if (is(name, nameLen, "rename_to")) relinkRenamed(s, key, keyLen);
  }
}

const word: usize = memory.data(8);

function putU32(v: u32): void {
  store<u32>(word, v);
  saveWrite(<i32>word, 4);
}

/** The index, per database: u32 db, u32 entries, then u32 key length, key, u32 labels length, labels. */
export function ferrite_aux_save(): void {
  const n = indexDatabases();
  for (let db = 0; db < n; db++) {
    const map = indexOf(db);
    if (bmCount(map) == 0) continue;
    putU32(<u32>db);
    putU32(<u32>bmCount(map));
    const buckets = bmBuckets(map);
    for (let b: u32 = 0; b < buckets; b++) {
      for (let e = bmBucket(map, b); e != 0; e = bmNext(e)) {
        putU32(<u32>bmKeyLen(e));
        saveWrite(<i32>bmKey(e), bmKeyLen(e));
        putU32(<u32>bmValLen(e));
        saveWrite(<i32>bmVal(e), bmValLen(e));
      }
    }
  }
}

export function ferrite_aux_load(ptr: usize, len: i32): i32 {
  let at = ptr;
  const end = ptr + <usize>len;
  while (at < end) {
    if (at + 8 > end) return -1;
    const db = <i32>load<u32>(at);
    let count = load<u32>(at, 4);
    at += 8;
    if (!indexOf(db)) return -1;
    for (; count > 0; count--) {
      if (at + 4 > end) return -1;
      const keyLen = <usize>load<u32>(at);
      if (at + 8 + keyLen > end) return -1;
      const valLen = <usize>load<u32>(at + 4 + keyLen);
      if (at + 8 + keyLen + valLen > end) return -1;
      if (!labelsValid(at + 8 + keyLen, <i32>valLen)) return -1;
      indexSet(db, at + 4, <i32>keyLen, at + 8 + keyLen, <i32>valLen); // rebuilds the pair sets too
      at += 8 + keyLen + valLen;
    }
  }
  return 0;
}

export { ferrite_config_check, ferrite_init } from "./compaction-policy";
export { ferrite_info } from "./info";
export { ferrite_on_db_event } from "./label-index";
