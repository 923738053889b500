// The type callbacks the host calls for list values (see ferrite-sdk's types contract).
//
// Serialized form (encver 1): u32 element count, then every element as a listpack entry, head first.
// Loading re-chains the entries under the quicklist rules and then picks the encoding as Redis does
// when it loads a list (one node within the limit: listpack).

import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { entryCheck } from "./entry";
import { isQuicklist, LIST_HEADER, listHead, listLen, listNew, listNodeBytes, setListLen, setQuicklist } from "./header";
import { listFree, listPushEntry, loadedEncoding, RIGHT } from "./list";
import { nodeAppend, nodeClone, nodeEntries, nodeNext, nodeUsed } from "./node";

const ENCVER: i32 = 1;
const ENCODING_LISTPACK: i32 = 0;
const ENCODING_QUICKLIST: i32 = 1;

const countBuffer = memory.data(4);

export function ferrite_type_free(_type: i32, handle: f64): void { listFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  const l = <usize>handle;
  store<u32>(countBuffer, <u32>listLen(l));
  saveWrite(<i32>countBuffer, 4);
  for (let n = listHead(l); n; n = nodeNext(n)) saveWrite(<i32>nodeEntries(n), nodeUsed(n));
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER || len < 4) return LOAD_FAILED;
  const count = load<u32>(ptr);
  const l = listNew();
  setQuicklist(l, true);
  let p = ptr + 4, room = len - 4;
  while (room > 0) {
    const size = entryCheck(p, room);
    if (size < 0) { listFree(l); return LOAD_FAILED; }
    listPushEntry(l, RIGHT, p, size);
    p += <usize>size;
    room -= size;
  }
  if (count == 0 || <u32>listLen(l) != count) { listFree(l); return LOAD_FAILED; }
  loadedEncoding(l);
  return <f64>l;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 {
  const l = <usize>handle;
  const c = listNew();
  for (let n = listHead(l); n; n = nodeNext(n)) nodeAppend(c, nodeClone(n));
  setListLen(c, listLen(l));
  setQuicklist(c, isQuicklist(l));
  return <f64>c;
}

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>(LIST_HEADER + listNodeBytes(<usize>handle)); }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 {
  return isQuicklist(<usize>handle) ? ENCODING_QUICKLIST : ENCODING_LISTPACK;
}
