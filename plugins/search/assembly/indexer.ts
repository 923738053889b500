// Keeping one key's document current in an index: read the key's fields through the owning plugin's
// function (hash's `fields`, hash-read.ts; for a JSON document see json-fields.ts), drop the key's old
// document, and index the new one under a fresh doc id. Re-reading instead of interpreting the event
// keeps the index exact whatever the write was, and keeps the host ignorant of both types: a missing
// key, an emptied hash or a key of another type simply leaves no document.
import {
  bmCreate, bmDelete, bmFind, bmFree, bmSet, bmVal, bmBucket, bmBuckets, bmNext, bmKey,
  bmKeyLen, parseF64, parsedF64,
} from "ferrite-sdk";
import { strLen, strNew, strPtr } from "./bytes";
import { Column, columnNew, columnSlot } from "./columns";
import { Doc, Index, ON_JSON, docAt, docFree, fieldAt } from "./index-spec";
import { postingsAppend, postingsNew } from "./postings";
import { F_CASESENSITIVE, F_NOINDEX, F_NOSTEM, F_SORTABLE, Field, GEO, NUMERIC, TAG, TEXT, VECTOR } from "./schema";
import { stem, stemLen, stemPtr } from "./stemmer";
import { isStopword } from "./stopwords";
import { normalizeTag, normalizedTagLen, tagAdd, tagsNew } from "./tag-index";
import { nextToken, tokLen, tokPtr, tokenizeBegin } from "./tokenizer";
import { U32List, listFree, listGet, listNew, listPush, listSet } from "./u32-list";
import { readJsonFields } from "./json-fields";
import { passesFilter } from "./create-filter";
import { VectorParams, vectorIndexDoc, vectorRemoveDoc } from "./vector-field";
import { readHashPairs } from "./hash-read";
import { NumericIndex, numericAdd, numericNew } from "./numeric-index";

/** Removes the key's document, if it has one. */
export function removeDoc(x: Index, key: usize, keyLen: i32): void {
  const e = bmFind(x.keys, key, keyLen);
  if (e == 0) return;
  const id = load<u32>(bmVal(e));
  bmDelete(x.keys, key, keyLen);
  const d = docAt(x, id);
  if (d == null) return;
  x.totalTokens -= <i64>d.tokens;
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.column != 0) {
      const c = changetype<Column>(f.column);
      const slot = columnSlot(c, id);
      if (c.stride == 4) {
        const s = <usize>load<u32>(slot);
        if (s != 0) heap.free(s);
        store<u32>(slot, 0);
      } else {
        store<f64>(slot, NaN);
        if (c.stride == 16) store<f64>(slot, NaN, 8);
      }
    }
    if (f.type == VECTOR && f.vector != null) vectorRemoveDoc(changetype<VectorParams>(f.vector), id);
  }
  docFree(changetype<Doc>(d));
  listSet(x.docs, <i32>id, 0);
  x.liveDocs--;
  x.deadDocs++;
}

/** Re-reads the key (in the current database) and re-indexes it. */
export function reindexKey(x: Index, key: usize, keyLen: i32): void {
  removeDoc(x, key, keyLen);
  if (x.on == ON_JSON) {
    if (!readJsonFields(x, key, keyLen)) return;
  } else if (!readHash(key, keyLen)) return;
  if (!passesFilter(x, key, keyLen, readPairs())) return;
  indexFields(x, key, keyLen);
}

// The fields read, as pairs of (pointer, length) into the call's output: a field's path, then its value.
let pairs: U32List | null = null;

export function readPairs(): U32List {
  if (pairs == null) pairs = listNew(32);
  return changetype<U32List>(pairs);
}

/** The hash's fields into readPairs(); false when the key holds no hash (or an empty one). */
function readHash(key: usize, keyLen: i32): bool {
  const p = readPairs();
  p.len = 0;
  return readHashPairs(key, keyLen, p);
}

// The document being built: term → (U32List of positions, field mask), its forward index.
let forward: usize = 0;
let position: u32 = 0;
const fwdVal = memory.data(8);

/** Indexes the pairs in readPairs() as the key's new document. */
export function indexFields(x: Index, key: usize, keyLen: i32): void {
  const p = readPairs();
  const id = <u32>x.docs.len;
  const d = changetype<Doc>(heap.alloc(offsetof<Doc>()));
  d.key = strNew(key, keyLen);
  d.score = x.defaultScore;
  d.tokens = 0;
  d.maxFreq = 0;
  d.walkMark = x.walkMark;
  forward = bmCreate();
  position = 0;
  let any = false;
  for (let i = 0; i + 3 < p.len; i += 4) {
    const namePtr = <usize>listGet(p, i), nameLen = <i32>listGet(p, i + 1);
    const valPtr = <usize>listGet(p, i + 2), valLen = <i32>listGet(p, i + 3);
    if (x.scoreField != 0 && strLen(x.scoreField) == nameLen && memory.compare(strPtr(x.scoreField), namePtr, <usize>nameLen) == 0) {
      if (parseF64(valPtr, valLen) && parsedF64 >= 0 && parsedF64 <= 1) d.score = parsedF64;
    }
    for (let fi = 0; fi < x.fields.len; fi++) {
      const f = fieldAt(x, fi);
      if (strLen(f.path) != nameLen || memory.compare(strPtr(f.path), namePtr, <usize>nameLen) != 0) continue;
      if (indexValue(x, f, id, valPtr, valLen)) any = true; else x.failures++;
    }
  }
  flushForward(x, d, id);
  listPush(x.docs, <u32>changetype<usize>(d));
  const slot = memory.data(4);
  store<u32>(slot, id);
  bmSet(x.keys, key, keyLen, slot, 4);
  x.liveDocs++;
}

function indexValue(x: Index, f: Field, id: u32, ptr: usize, len: i32): bool {
  if (f.type == TEXT) {
    if ((f.flags & F_NOINDEX) == 0) indexText(x, f, ptr, len);
    if ((f.flags & F_SORTABLE) != 0) keepString(f, id, ptr, len, false);
  } else if (f.type == TAG) {
    if ((f.flags & F_NOINDEX) == 0) indexTags(f, id, ptr, len);
    if ((f.flags & F_SORTABLE) != 0) keepString(f, id, ptr, len, (f.flags & F_CASESENSITIVE) == 0);
  } else if (f.type == NUMERIC) {
    if (!parseF64(ptr, len) || isNaN(parsedF64)) return false;
    store<f64>(columnSlot(column(f, 8), id), parsedF64);
    if (f.numeric == 0) f.numeric = changetype<usize>(numericNew());
    numericAdd(x, changetype<NumericIndex>(f.numeric), parsedF64, id);
  } else if (f.type == GEO) {
    if (!parseGeo(ptr, len)) return false;
    const slot = columnSlot(column(f, 16), id);
    store<f64>(slot, geoLon);
    store<f64>(slot, geoLat, 8);
  } else if (f.type == VECTOR && f.vector != null) {
    if (!vectorIndexDoc(changetype<VectorParams>(f.vector), id, ptr, len)) return false;
  }
  return true;
}

function column(f: Field, stride: u32): Column {
  if (f.column == 0) f.column = changetype<usize>(columnNew(stride));
  return changetype<Column>(f.column);
}

/** A SORTABLE TEXT/TAG value kept for SORTBY (lower-cased for a case-insensitive TAG). */
function keepString(f: Field, id: u32, ptr: usize, len: i32, lower: bool): void {
  const slot = columnSlot(column(f, 4), id);
  const s = strNew(ptr, len);
  if (lower) for (let i = 0; i < len; i++) {
    const c = load<u8>(strPtr(s) + <usize>i);
    if (c >= 65 && c <= 90) store<u8>(strPtr(s) + <usize>i, c + 32);
  }
  const old = <usize>load<u32>(slot);
  if (old != 0) heap.free(old);
  store<u32>(slot, <u32>s);
}

export let geoLon: f64 = 0;
export let geoLat: f64 = 0;

/** "lon,lat" (RediSearch's GEO value) within Redis's GEO bounds. */
export function parseGeo(ptr: usize, len: i32): bool {
  let comma = -1;
  for (let i = 0; i < len; i++) if (load<u8>(ptr + <usize>i) == 44) { comma = i; break; }
  if (comma < 0) return false;
  if (!parseF64(ptr, comma)) return false;
  geoLon = parsedF64;
  let s = comma + 1;
  while (s < len && load<u8>(ptr + <usize>s) == 32) s++;
  if (!parseF64(ptr + <usize>s, len - s)) return false;
  geoLat = parsedF64;
  return geoLon >= -180 && geoLon <= 180 && geoLat >= -85.05112878 && geoLat <= 85.05112878;
}

function indexTags(f: Field, id: u32, ptr: usize, len: i32): void {
  if (f.tags == 0) f.tags = tagsNew();
  const sep = <u8>f.separator;
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i < len && load<u8>(ptr + <usize>i) != sep) continue;
    normalizeTag(ptr + <usize>start, i - start, (f.flags & F_CASESENSITIVE) != 0);
    if (normalizedTagLen() > 0) tagAdd(f.tags, id);
    start = i + 1;
  }
}

function indexText(x: Index, f: Field, ptr: usize, len: i32): void {
  const bit: u32 = f.textBit >= 0 ? (<u32>1 << <u32>f.textBit) : 0;
  tokenizeBegin(ptr, len);
  while (nextToken()) {
    position++;
    if (isStopword(x, tokPtr, tokLen)) continue;
    addTerm(tokPtr, tokLen, bit);
    if ((f.flags & F_NOSTEM) == 0 && stem(tokPtr, tokLen)) {
      // The stem is indexed as "+stem" beside the term, as RediSearch does: a query for any form of the
      // word looks up its stem's entry too.
      const plus = memory.data(132);
      store<u8>(plus, 43);
      memory.copy(plus + 1, stemPtr, <usize>stemLen);
      addTerm(plus, stemLen + 1, bit);
    }
  }
  position++; // a gap between fields, so a phrase never spans two of them
}

function addTerm(ptr: usize, len: i32, bit: u32): void {
  const e = bmFind(forward, ptr, len);
  let list: U32List;
  if (e == 0) {
    list = listNew(2);
    store<u32>(fwdVal, <u32>changetype<usize>(list));
    store<u32>(fwdVal, bit, 4);
    bmSet(forward, ptr, len, fwdVal, 8);
  } else {
    const v = bmVal(e);
    list = changetype<U32List>(<usize>load<u32>(v));
    store<u32>(v, load<u32>(v, 4) | bit, 4);
  }
  listPush(list, position);
}

/** Moves the forward index into the term postings, and frees it. */
function flushForward(x: Index, d: Doc, id: u32): void {
  const n = bmBuckets(forward);
  for (let b: u32 = 0; b < n; b++) {
    for (let e = bmBucket(forward, b); e != 0; e = bmNext(e)) {
      const v = bmVal(e);
      const list = changetype<U32List>(<usize>load<u32>(v));
      const mask = load<u32>(v, 4);
      const term = bmKey(e), termLen = bmKeyLen(e);
      const te = bmFind(x.terms, term, termLen);
      let postings: usize;
      if (te == 0) postings = postingsNew(); else postings = <usize>load<u32>(bmVal(te));
      const freq = <u32>list.len;
      const grown = postingsAppend(postings, id, mask, freq, list.data);
      if (te == 0 || grown != postings) {
        const slot = memory.data(4);
        store<u32>(slot, <u32>grown);
        bmSet(x.terms, term, termLen, slot, 4);
      }
      x.records++;
      if (load<u8>(term) != 43) { // stems do not count as tokens
        d.tokens += freq;
        if (freq > d.maxFreq) d.maxFreq = freq;
      }
      listFree(list);
    }
  }
  x.totalTokens += <i64>d.tokens;
  bmFree(forward);
  forward = 0;
}
