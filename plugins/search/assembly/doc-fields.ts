// Loading a document's fields for replies (FT.SEARCH's content; FT.AGGREGATE's LOAD): the seam through
// which every reader of documents goes. loadDocFields leaves (name, value) pairs in docPairs(), as
// pointers valid until the next call_command or plugin call (their output buffers) or the next load.
//   HASH: every hash field (the hash plugin's `fields` function, hash-read.ts).
//   JSON: the whole document under "$" (JSON.GET key, the root as RediSearch returns it).
// loadAttribute reads one attribute (a schema field by name, or a hash field / JSONPath as given).
import { ByteBuilder, RESP_BULK, callArg, callArgLiteral, callBegin, callReply, callRun, respBegin, respLen, respNext, respPtr } from "ferrite-sdk";
import { hashValueLen, hashValuePtr, readHashField, readHashPairs } from "./hash-read";
import { strLen, strPtr } from "./bytes";
import { Index, ON_JSON, fieldByName } from "./index-spec";
import { U32List, listNew, listPush } from "./u32-list";

let pairs: U32List | null = null;

export function docPairs(): U32List {
  if (pairs == null) pairs = listNew(32);
  return changetype<U32List>(pairs);
}

const DOLLAR = memory.data<u8>([36]);

/** Loads every field of the document at `key`; false when the key no longer holds one. */
export function loadDocFields(x: Index, key: usize, keyLen: i32): bool {
  const p = docPairs();
  p.len = 0;
  if (x.on == ON_JSON) {
    callBegin();
    callArgLiteral("JSON.GET");
    callArg(key, keyLen);
    // callRun first: it may move the reply block callReply() names (the first call allocates it).
    const n = callRun();
    respBegin(callReply(), n);
    if (respNext() != RESP_BULK) return false;
    push(DOLLAR, 1, respPtr, respLen);
    return true;
  }
  return readHashPairs(key, keyLen, p);
}

function push(np: usize, nl: i32, vp: usize, vl: i32): void {
  const p = docPairs();
  listPush(p, <u32>np);
  listPush(p, <u32>nl);
  listPush(p, <u32>vp);
  listPush(p, <u32>vl);
}

export let attrPtr: usize = 0;
export let attrLen: i32 = 0;
const attrValue = new ByteBuilder();

/**
 * One attribute of the document at `key` into attrPtr/attrLen (valid until the next load); false when
 * the document has no such value. A schema attribute reads its source (hash field or JSONPath); any
 * other name is read as a hash field, or as a JSONPath on a JSON index.
 */
export function loadAttribute(x: Index, key: usize, keyLen: i32, name: usize, nameLen: i32): bool {
  const f = fieldByName(x, name, nameLen);
  const path = f != null ? strPtr(f.path) : name;
  const pathLen = f != null ? strLen(f.path) : nameLen;
  attrValue.reset();
  if (x.on != ON_JSON) {
    if (!readHashField(key, keyLen, path, pathLen)) return false;
    attrValue.bytes(hashValuePtr, hashValueLen);
    attrPtr = attrValue.ptr;
    attrLen = attrValue.len;
    return true;
  }
  callBegin();
  callArgLiteral("JSON.GET");
  callArg(key, keyLen);
  callArg(path, pathLen);
  const n = callRun();
  respBegin(callReply(), n);
  if (respNext() != RESP_BULK) return false;
  attrValue.bytes(respPtr, respLen);
  attrPtr = attrValue.ptr;
  attrLen = attrValue.len;
  unwrapJson();
  return true;
}

/** A JSONPath answer `[v, …]` becomes its first value; a JSON string loses its quotes (no escapes in it). */
function unwrapJson(): void {
  let p = attrPtr, e = attrPtr + <usize>attrLen;
  if (e > p && load<u8>(p) == 91 && load<u8>(e - 1) == 93) {
    p++; e--;
    if (p == e) { attrLen = 0; return; }
    // the first element: up to a top-level comma
    let depth = 0, inString = false;
    for (let q = p; q < e; q++) {
      const c = load<u8>(q);
      if (inString) { if (c == 92) q++; else if (c == 34) inString = false; continue; }
      if (c == 34) inString = true;
      else if (c == 91 || c == 123) depth++;
      else if (c == 93 || c == 125) depth--;
      else if (c == 44 && depth == 0) { e = q; break; }
    }
  }
  if (e - p >= 2 && load<u8>(p) == 34 && load<u8>(e - 1) == 34) {
    let escaped = false;
    for (let q = p + 1; q < e - 1; q++) if (load<u8>(q) == 92) escaped = true;
    if (!escaped) { p++; e--; }
  }
  attrPtr = p;
  attrLen = <i32>(e - p);
}
