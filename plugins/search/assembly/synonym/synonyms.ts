// FT.SYNUPDATE's synonym groups, per index: term → the group ids it belongs to (a byte map whose values
// are u32 list addresses of group-id strs), and group id → its terms (likewise). Terms are folded to
// lower case, as RediSearch does and as the index stores words. A query word matches the documents of
// every term sharing a group with it: expanded when the query runs, so the documents indexed before
// the update match too (RediSearch tags documents at indexing time, and SKIPINITIALSCAN leaves the old
// ones untagged: here the option is accepted and has nothing to skip).
import {
  bmBucket, bmBuckets, bmCount, bmCreate, bmFind, bmFree, bmKey, bmKeyLen, bmNext, bmSet, bmVal, loadBytes, loadOverrun, loadU64,
  loadedLen, saveBytes, saveU64,
} from "ferrite-sdk";
import { strFree, strLen, strNew, strPtr } from "../bytes";
import { Index } from "../index-spec";
import { indexByName } from "../registry";
import { U32List, listFree, listGet, listNew, listPush, listRemoveAt } from "../u32-list";

/** One index's groups. */
@unmanaged class Synonyms {
  index: usize;
  /** term → U32List of group-id strs */
  terms: usize;
  /** group id → U32List of term strs */
  groups: usize;
}

let all: U32List | null = null;
/** synonymsOf's answer: term strs. */
const expanded: U32List = listNew(8);

function lists(): U32List {
  if (all == null) all = listNew(4);
  return changetype<U32List>(all);
}

function find(x: Index): Synonyms | null {
  const l = lists();
  for (let i = 0; i < l.len; i++) {
    const s = changetype<Synonyms>(<usize>listGet(l, i));
    if (s.index == changetype<usize>(x)) return s;
  }
  return null;
}

function open(x: Index): Synonyms {
  const found = find(x);
  if (found != null) return found;
  const s = changetype<Synonyms>(heap.alloc(offsetof<Synonyms>()));
  s.index = changetype<usize>(x);
  s.terms = bmCreate();
  s.groups = bmCreate();
  listPush(lists(), <u32>changetype<usize>(s));
  return s;
}

const slot = memory.data(4);

/** The list stored under a key of `map`, created empty when absent. */
function listAt(map: usize, ptr: usize, len: i32): U32List {
  const e = bmFind(map, ptr, len);
  if (e != 0) return changetype<U32List>(<usize>load<u32>(bmVal(e)));
  const l = listNew(2);
  store<u32>(slot, <u32>changetype<usize>(l));
  bmSet(map, ptr, len, slot, 4);
  return l;
}

function contains(l: U32List, ptr: usize, len: i32): bool {
  for (let i = 0; i < l.len; i++) {
    const s = <usize>listGet(l, i);
    if (strLen(s) == len && memory.compare(strPtr(s), ptr, <usize>len) == 0) return true;
  }
  return false;
}

let folded: usize = 0;
let foldedCap: i32 = 0;

function lower(ptr: usize, len: i32): usize {
  if (len > foldedCap) {
    if (folded != 0) heap.free(folded);
    foldedCap = len * 2 + 16;
    folded = heap.alloc(<usize>foldedCap);
  }
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + <usize>i);
    store<u8>(folded + <usize>i, c >= 65 && c <= 90 ? c + 32 : c);
  }
  return folded;
}

/** Adds `term` to group `gid` of index x. */
export function synonymAdd(x: Index, gid: usize, gidLen: i32, term: usize, termLen: i32): void {
  const s = open(x);
  const t = lower(term, termLen);
  const members = listAt(s.groups, gid, gidLen);
  if (!contains(members, t, termLen)) listPush(members, <u32>strNew(t, termLen));
  const groupsOfTerm = listAt(s.terms, t, termLen);
  if (!contains(groupsOfTerm, gid, gidLen)) listPush(groupsOfTerm, <u32>strNew(gid, gidLen));
}

/** The index's term map (term → list of group-id strs), or 0 when it has no synonyms. */
export function synonymTerms(x: Index): usize {
  const s = find(x);
  return s == null ? 0 : s.terms;
}

/** The group ids (strs) of a term map entry (walk the map with bmBuckets/bmBucket/bmNext). */
export function groupsOf(entry: usize): U32List { return changetype<U32List>(<usize>load<u32>(bmVal(entry))); }

/** The terms sharing a group with a query word (itself excluded), left in expansion(); their count. */
export function synonymsOf(x: Index, word: usize, len: i32): i32 {
  expanded.len = 0;
  const s = find(x);
  if (s == null) return 0;
  const e = bmFind(s.terms, lower(word, len), len);
  if (e == 0) return 0;
  const gids = groupsOf(e);
  for (let g = 0; g < gids.len; g++) {
    const gid = <usize>listGet(gids, g);
    const members = listAt(s.groups, strPtr(gid), strLen(gid));
    for (let m = 0; m < members.len; m++) {
      const t = <usize>listGet(members, m);
      if (strLen(t) == len && memory.compare(strPtr(t), folded, <usize>len) == 0) continue;
      if (!contains(expanded, strPtr(t), strLen(t))) listPush(expanded, <u32>t);
    }
  }
  return expanded.len;
}

/** The i-th term synonymsOf found (a str: strPtr/strLen). */
export function expansion(i: i32): usize { return <usize>listGet(expanded, i); }

function freeListMap(map: usize): void {
  for (let b: u32 = 0; b < bmBuckets(map); b++) {
    for (let e = bmBucket(map, b); e != 0; e = bmNext(e)) {
      const l = changetype<U32List>(<usize>load<u32>(bmVal(e)));
      for (let i = 0; i < l.len; i++) strFree(<usize>listGet(l, i));
      listFree(l);
    }
  }
  bmFree(map);
}

/** Forgets a dropped index's synonyms. */
export function synonymsForget(x: Index): void {
  const l = lists();
  for (let i = 0; i < l.len; i++) {
    const s = changetype<Synonyms>(<usize>listGet(l, i));
    if (s.index != changetype<usize>(x)) continue;
    freeListMap(s.terms);
    freeListMap(s.groups);
    heap.free(changetype<usize>(s));
    listRemoveAt(l, i);
    return;
  }
}

/** Every index's groups as saved fields: index count, then per index its name and (term, group ids) pairs. */
export function synonymsSave(): void {
  const l = lists();
  saveU64(<u64>l.len);
  for (let i = 0; i < l.len; i++) {
    const s = changetype<Synonyms>(<usize>listGet(l, i));
    const x = changetype<Index>(s.index);
    saveBytes(strPtr(x.name), strLen(x.name));
    saveU64(<u64>bmCount(s.terms));
    for (let b: u32 = 0; b < bmBuckets(s.terms); b++) {
      for (let e = bmBucket(s.terms, b); e != 0; e = bmNext(e)) {
        saveBytes(bmKey(e), bmKeyLen(e));
        const gids = groupsOf(e);
        saveU64(<u64>gids.len);
        for (let g = 0; g < gids.len; g++) {
          const gid = <usize>listGet(gids, g);
          saveBytes(strPtr(gid), strLen(gid));
        }
      }
    }
  }
}

/** Reads what synonymsSave wrote (the indexes already registered); false when it runs past the data. */
export function synonymsLoad(): bool {
  const n = loadU64();
  for (let i: u64 = 0; i < n && !loadOverrun(); i++) {
    const name = loadBytes(), nameLen = loadedLen;
    const x = indexByName(name, nameLen);
    const terms = loadU64();
    for (let t: u64 = 0; t < terms && !loadOverrun(); t++) {
      const term = loadBytes(), termLen = loadedLen;
      const gids = loadU64();
      for (let g: u64 = 0; g < gids && !loadOverrun(); g++) {
        const gid = loadBytes();
        if (x != null) synonymAdd(x, gid, loadedLen, term, termLen);
      }
    }
  }
  return !loadOverrun();
}
