// One index: its definition (FT.CREATE's options and schema) and its data (the doc table, the term
// postings, the tag lists and the columns). The definition is kept as the FT.CREATE arguments too
// (`definition`, FT.ALTER's additions appended), which is what aux_save persists (persistence.ts).
import { bmCreate, bmFree, bmBucket, bmBuckets, bmNext, bmVal } from "ferrite-sdk";
import { strFree, strIsIgnoreCase, strLen, strPtr, startsWith } from "./bytes";
import { Column, columnFree } from "./columns";
import { NumericIndex, numericFree } from "./numeric-index";
import { Field, VECTOR, fieldFree } from "./schema";
import { VectorParams, vectorClear } from "./vector-field";
import { U32List, listFree, listGet, listNew } from "./u32-list";

export const ON_HASH: i32 = 0;
export const ON_JSON: i32 = 1;

export const I_SKIPINITIALSCAN: i32 = 1;
export const I_NOOFFSETS: i32 = 2;
export const I_NOHL: i32 = 4;
export const I_NOFIELDS: i32 = 8;
export const I_NOFREQS: i32 = 16;
export const I_MAXTEXTFIELDS: i32 = 32;
/** Its custom STOPWORDS list replaces the default one (an empty list: no stopwords at all). */
export const I_CUSTOM_STOPWORDS: i32 = 64;

@unmanaged export class Index {
  name: usize;
  on: i32;
  flags: i32;
  /** Key prefixes (strs); none means every key. */
  prefixes: U32List;
  /** Field pointers, in schema order. */
  fields: U32List;
  textFields: i32;
  /** Custom stopwords: str → nothing (byte map), with I_CUSTOM_STOPWORDS. */
  stopwords: usize;
  language: usize;
  languageField: usize;
  scoreField: usize;
  payloadField: usize;
  filter: usize;
  defaultScore: f64;
  /** The FT.CREATE arguments after the index name (u32 count, then u32 length + bytes each). */
  definition: usize;
  definitionLen: i32;

  /** Key → u32 doc id. */
  keys: usize;
  /** Doc id → Doc pointer (0: deleted). Doc id 0 is never used. */
  docs: U32List;
  liveDocs: i32;
  /** Entries of deleted documents still in postings and tag lists (compaction's trigger). */
  deadDocs: i32;
  /** Term → u32 postings pointer (postings.ts). */
  terms: usize;
  /** Tokens indexed in live documents (BM25's average document length). */
  totalTokens: i64;
  /** Postings entries written (FT.INFO's num_records). */
  records: i64;
  failures: i64;
  /** The walk over existing keys (scan.ts): still to start, or in progress at scanCursor. */
  needsScan: bool;
  scanning: bool;
  scanCursor: f64;
  /** Keys the walk has visited, of the database's size when it began (percent_indexed). */
  scanned: f64;
  scanTotal: f64;
  /** The walk begun in a command starts over in the first timer callback (scan.ts). */
  restartWalk: bool;
  /** The walk's mark: each document indexed carries the mark of the walk in progress then (scan.ts). */
  walkMark: u32;
  /** Aliases pointing here (strs), for FT.INFO and for dropping them with the index. */
  aliases: U32List;
  /** TEMPORARY: dropped after this many ms unnamed (0: never); when a command last named it (temporary.ts). */
  idleMs: f64;
  lastUsedMs: f64;
}

@unmanaged export class Doc {
  key: usize;
  score: f64;
  /** Tokens indexed (BM25's document length). */
  tokens: u32;
  /** The highest term frequency (TFIDF's normalization). */
  maxFreq: u32;
  /** Index.walkMark when indexed: a walk's end removes the documents it neither visited nor saw written. */
  walkMark: u32;
}

export function indexNew(name: usize): Index {
  const x = changetype<Index>(heap.alloc(offsetof<Index>()));
  memory.fill(changetype<usize>(x), 0, offsetof<Index>());
  x.name = name;
  x.prefixes = listNew();
  x.fields = listNew();
  x.aliases = listNew(1);
  x.defaultScore = 1;
  newData(x);
  return x;
}

function listSetZero(l: U32List, i: i32): void { store<u32>(l.data + (<usize>i << 2), 0); }

export function fieldAt(x: Index, i: i32): Field { return changetype<Field>(<usize>listGet(x.fields, i)); }

/** The field whose attribute name is `len` bytes at `ptr` (case-insensitively, as RediSearch), or null. */
export function fieldByName(x: Index, ptr: usize, len: i32): Field | null {
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (strLen(f.name) == len && memory.compare(strPtr(f.name), ptr, <usize>len) == 0) return f;
  }
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (strIsIgnoreCase(f.name, ptr, len)) return f;
  }
  return null;
}

/** The field reading hash field (or JSONPath) `len` bytes at `ptr`, exactly, or null. */
export function fieldByPath(x: Index, ptr: usize, len: i32): Field | null {
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (strLen(f.path) == len && memory.compare(strPtr(f.path), ptr, <usize>len) == 0) return f;
  }
  return null;
}

/** Whether a key falls under the index's prefixes. */
export function coversKey(x: Index, key: usize, keyLen: i32): bool {
  if (x.prefixes.len == 0) return true;
  for (let i = 0; i < x.prefixes.len; i++) if (startsWith(key, keyLen, <usize>listGet(x.prefixes, i))) return true;
  return false;
}

// @ts-ignore: decorator
@inline export function docAt(x: Index, id: u32): Doc | null {
  return id < <u32>x.docs.len ? changetype<Doc | null>(<usize>listGet(x.docs, <i32>id)) : null;
}

/** Frees the index's documents and what was built from them. */
function freeData(x: Index): void {
  for (let i = 1; i < x.docs.len; i++) {
    const d = <usize>listGet(x.docs, i);
    if (d != 0) docFree(changetype<Doc>(d));
  }
  listFree(x.docs);
  bmFree(x.keys);
  freeMapValues(x.terms, false);
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.tags != 0) freeMapValues(f.tags, true);
    if (f.column != 0) columnFree(changetype<Column>(f.column));
    if (f.numeric != 0) numericFree(changetype<NumericIndex>(f.numeric));
    f.tags = 0;
    f.column = 0;
    f.numeric = 0;
    if (f.type == VECTOR && f.vector != null) vectorClear(changetype<VectorParams>(f.vector));
  }
}

function newData(x: Index): void {
  x.keys = bmCreate();
  x.docs = listNew(64);
  x.docs.len = 1; // doc id 0 is never used
  listSetZero(x.docs, 0);
  x.terms = bmCreate();
  x.liveDocs = 0;
  x.deadDocs = 0;
  x.totalTokens = 0;
  x.records = 0;
}

/** Empties the index, its definition kept (its database was flushed or swapped away). */
export function indexClear(x: Index): void {
  freeData(x);
  newData(x);
}

/** Frees the index and everything it holds (FT.DROPINDEX). */
export function indexFree(x: Index): void {
  freeData(x);
  for (let i = 0; i < x.fields.len; i++) fieldFree(fieldAt(x, i));
  listFree(x.fields);
  for (let i = 0; i < x.prefixes.len; i++) strFree(<usize>listGet(x.prefixes, i));
  listFree(x.prefixes);
  for (let i = 0; i < x.aliases.len; i++) strFree(<usize>listGet(x.aliases, i));
  listFree(x.aliases);
  if (x.stopwords != 0) bmFree(x.stopwords);
  strFree(x.language);
  strFree(x.languageField);
  strFree(x.scoreField);
  strFree(x.payloadField);
  strFree(x.filter);
  if (x.definition != 0) heap.free(x.definition);
  strFree(x.name);
  heap.free(changetype<usize>(x));
}

/** Frees a byte map whose values are u32 pointers (postings blocks, or U32Lists when `lists`). */
export function freeMapValues(map: usize, lists: bool): void {
  const n = bmBuckets(map);
  for (let b: u32 = 0; b < n; b++) {
    for (let e = bmBucket(map, b); e != 0; e = bmNext(e)) {
      const v = <usize>load<u32>(bmVal(e));
      if (lists) listFree(changetype<U32List>(v)); else heap.free(v);
    }
  }
  bmFree(map);
}

export function docFree(d: Doc): void {
  strFree(d.key);
  heap.free(changetype<usize>(d));
}
