// FT.DICTADD's dictionaries: named sets of terms kept by the plugin (not keys; RediSearch keeps them
// in its own auxiliary data too), for FT.SPELLCHECK's TERMS INCLUDE/EXCLUDE. A byte map of names whose
// values are the address (u32) of a byte map of terms. An emptied dictionary is dropped.
import {
  bmBucket, bmBuckets, bmCount, bmCreate, bmDelete, bmFind, bmFree, bmKey, bmKeyLen, bmNext, bmSet, bmVal, compareBytes,
  loadBytes, loadOverrun, loadU64, loadedLen, saveBytes, saveU64,
} from "ferrite-sdk";

let names: usize = 0;

function all(): usize {
  if (names == 0) names = bmCreate();
  return names;
}

/** The term map of a dictionary, or 0 when it does not exist. */
export function dictFind(name: usize, len: i32): usize {
  const e = bmFind(all(), name, len);
  return e == 0 ? 0 : <usize>load<u32>(bmVal(e));
}

const slot = memory.data(4);

function dictOpen(name: usize, len: i32): usize {
  const found = dictFind(name, len);
  if (found != 0) return found;
  const terms = bmCreate();
  store<u32>(slot, <u32>terms);
  bmSet(all(), name, len, slot, 4);
  return terms;
}

/** Adds a term; true when it was not there. */
export function dictAdd(name: usize, len: i32, term: usize, termLen: i32): bool {
  return bmSet(dictOpen(name, len), term, termLen, 0, 0);
}

/** Deletes a term; true when it was there. Drops the dictionary once empty. */
export function dictDelete(name: usize, len: i32, term: usize, termLen: i32): bool {
  const terms = dictFind(name, len);
  if (terms == 0 || !bmDelete(terms, term, termLen)) return false;
  if (bmCount(terms) == 0) {
    bmFree(terms);
    bmDelete(all(), name, len);
  }
  return true;
}

export function dictHas(terms: usize, term: usize, termLen: i32): bool { return bmFind(terms, term, termLen) != 0; }

let sorted: usize = 0;
let sortedCap: i32 = 0;

/** The term entries of a dictionary in byte order (RediSearch walks a trie): entry addresses, `n` u32s. */
export function dictSorted(terms: usize): usize {
  const n = bmCount(terms);
  if (n > sortedCap) {
    if (sorted != 0) heap.free(sorted);
    sortedCap = n * 2;
    sorted = heap.alloc(<usize>(sortedCap * 4));
  }
  let k = 0;
  for (let b: u32 = 0; b < bmBuckets(terms); b++) {
    for (let e = bmBucket(terms, b); e != 0; e = bmNext(e)) store<u32>(sorted + <usize>(k++ * 4), <u32>e);
  }
  // Shell sort over the addresses, by term bytes.
  for (let gap = n >> 1; gap > 0; gap >>= 1) {
    for (let i = gap; i < n; i++) {
      const e = load<u32>(sorted + <usize>(i * 4));
      let j = i;
      while (j >= gap) {
        const p = load<u32>(sorted + <usize>((j - gap) * 4));
        if (compareBytes(bmKey(<usize>p), bmKeyLen(<usize>p), bmKey(<usize>e), bmKeyLen(<usize>e)) <= 0) break;
        store<u32>(sorted + <usize>(j * 4), p);
        j -= gap;
      }
      store<u32>(sorted + <usize>(j * 4), e);
    }
  }
  return sorted;
}

/** The dictionaries as saved fields: count, then per dictionary its name, term count and terms. */
export function dictsSave(): void {
  const d = all();
  saveU64(<u64>bmCount(d));
  for (let b: u32 = 0; b < bmBuckets(d); b++) {
    for (let e = bmBucket(d, b); e != 0; e = bmNext(e)) {
      saveBytes(bmKey(e), bmKeyLen(e));
      const terms = <usize>load<u32>(bmVal(e));
      saveU64(<u64>bmCount(terms));
      for (let tb: u32 = 0; tb < bmBuckets(terms); tb++) {
        for (let t = bmBucket(terms, tb); t != 0; t = bmNext(t)) saveBytes(bmKey(t), bmKeyLen(t));
      }
    }
  }
}

/** Reads what dictsSave wrote, from the current load (loadBegin done by the caller); false when corrupt. */
export function dictsLoad(): bool {
  const n = loadU64();
  for (let i: u64 = 0; i < n && !loadOverrun(); i++) {
    const name = loadBytes(), nameLen = loadedLen; // valid for the whole load: bmSet copies it
    const count = loadU64();
    for (let t: u64 = 0; t < count && !loadOverrun(); t++) {
      const term = loadBytes();
      if (loadedLen > 0) dictAdd(name, nameLen, term, loadedLen);
    }
  }
  return !loadOverrun();
}

export function dictsCount(): i32 { return bmCount(all()); }
