// Index definitions travel with snapshots as aux data; their contents do not: after a load each index is
// rebuilt from the keys (its initial scan runs again, scan.ts), which keeps the saved form small and
// makes a definition the only thing that must stay readable across versions (ADR 0034).
//
// Saved form, per index: u32 name length, name, u32 definition length, definition (the FT.CREATE
// arguments after the name, FT.ALTER's fields appended: definition.ts), u32 alias count, then u32
// length + bytes per alias. A leading u32 format version (1).
import { saveWrite } from "ferrite-sdk";
import { strLen, strNew, strPtr } from "./bytes";
import { buildIndex } from "./definition";
import { Index } from "./index-spec";
import { watchKeyspace } from "./keyspace-events";
import { aliasSet, indexAt, indexCount, registryAdd } from "./registry";
import { scanSoon } from "./scan";
import { listGet, listPush } from "./u32-list";

const FORMAT: u32 = 1;
const word = memory.data(4);

function putU32(v: u32): void {
  store<u32>(word, v);
  saveWrite(<i32>word, 4);
}

function putBytes(ptr: usize, len: i32): void {
  putU32(<u32>len);
  saveWrite(<i32>ptr, len);
}

export function ferrite_aux_save(): void {
  if (indexCount() == 0) return;
  putU32(FORMAT);
  for (let i = 0; i < indexCount(); i++) {
    const x = indexAt(i);
    putBytes(strPtr(x.name), strLen(x.name));
    putBytes(x.definition, x.definitionLen);
    putU32(<u32>x.aliases.len);
    for (let k = 0; k < x.aliases.len; k++) {
      const a = <usize>listGet(x.aliases, k);
      putBytes(strPtr(a), strLen(a));
    }
  }
}

export function ferrite_aux_load(ptr: usize, len: i32): i32 {
  if (len == 0) return 0;
  const end = ptr + <usize>len;
  if (len < 4 || load<u32>(ptr) != FORMAT) return -1;
  let at = ptr + 4;
  while (at < end) {
    if (at + 4 > end) return -1;
    const nameLen = <usize>load<u32>(at);
    if (at + 8 + nameLen > end) return -1;
    const name = strNew(at + 4, <i32>nameLen);
    at += 4 + nameLen;
    const defLen = <usize>load<u32>(at);
    if (at + 4 + defLen > end || defLen < 4) return -1;
    const def = at + 4;
    at += 4 + defLen;
    const x = replay(name, def, defLen);
    if (x == null) return -1;
    const index = changetype<Index>(x);
    if (at + 4 > end) return -1;
    const aliases = load<u32>(at);
    at += 4;
    for (let k: u32 = 0; k < aliases; k++) {
      if (at + 4 > end) return -1;
      const al = <usize>load<u32>(at);
      if (at + 4 + al > end) return -1;
      listPush(index.aliases, <u32>strNew(at + 4, <i32>al));
      aliasSet(at + 4, <i32>al, index);
      at += 4 + al;
    }
    registryAdd(index);
  }
  watchKeyspace();
  scanSoon();
  return 0;
}

/** Rebuilds an index from its saved definition, by the same parser FT.CREATE uses. */
function replay(name: usize, def: usize, defLen: usize): Index | null {
  const count = <i32>load<u32>(def);
  // An argv table (u32 pointer, u32 length per argument) over the saved bytes.
  const table = heap.alloc(<usize>max(count, 1) << 3);
  let at = def + 4;
  const end = def + defLen;
  for (let i = 0; i < count; i++) {
    if (at + 4 > end) { heap.free(table); return null; }
    const l = load<u32>(at);
    if (at + 4 + <usize>l > end) { heap.free(table); return null; }
    store<u32>(table + (<usize>i << 3), <u32>(at + 4));
    store<u32>(table + (<usize>i << 3) + 4, l);
    at += 4 + <usize>l;
  }
  const x = buildIndex(name, count, table, 0);
  if (x != null) {
    const index = changetype<Index>(x);
    index.definition = heap.alloc(defLen);
    memory.copy(index.definition, def, defLen);
    index.definitionLen = <i32>defLen;
    index.needsScan = true;
  }
  heap.free(table);
  return x;
}
