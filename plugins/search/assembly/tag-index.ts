// TAG fields: per field, tag value → the doc ids carrying it (a U32List in doc id order; deleted docs
// are skipped by readers and dropped at compaction). Values are trimmed and, unless CASESENSITIVE,
// lower-cased at indexing and in queries alike.
import { bmCreate, bmFind, bmSet, bmVal } from "ferrite-sdk";
import { U32List, listGet, listNew, listPush } from "./u32-list";

const tagBuf = memory.data(1024);
let tagLen: i32 = 0;

/** Normalizes a tag into a scratch buffer (tagPtr/tagLen); values past 1024 bytes are cut. */
export function normalizeTag(ptr: usize, len: i32, caseSensitive: bool): usize {
  let s = 0, e = len;
  while (s < e && isBlank(load<u8>(ptr + <usize>s))) s++;
  while (e > s && isBlank(load<u8>(ptr + <usize>(e - 1)))) e--;
  tagLen = min(e - s, 1024);
  for (let i = 0; i < tagLen; i++) {
    let c = <u32>load<u8>(ptr + <usize>(s + i));
    if (!caseSensitive && c >= 65 && c <= 90) c += 32;
    store<u8>(tagBuf + <usize>i, <u8>c);
  }
  return tagBuf;
}

export function normalizedTagLen(): i32 { return tagLen; }

function isBlank(c: u8): bool { return c == 32 || c == 9 || c == 10 || c == 13; }

/** Records that `doc` carries the normalized tag (normalizeTag's buffer). */
export function tagAdd(tags: usize, doc: u32): void {
  const e = bmFind(tags, tagBuf, tagLen);
  let list: U32List;
  if (e == 0) {
    list = listNew(4);
    const slot = memory.data(4);
    store<u32>(slot, <u32>changetype<usize>(list));
    bmSet(tags, tagBuf, tagLen, slot, 4);
  } else {
    list = changetype<U32List>(<usize>load<u32>(bmVal(e)));
    if (list.len > 0 && listGet(list, list.len - 1) == doc) return; // the same tag twice in one doc
  }
  listPush(list, doc);
}

/** The doc id list of a normalized tag, or null. */
export function tagDocs(tags: usize, ptr: usize, len: i32): U32List | null {
  const e = bmFind(tags, ptr, len);
  return e == 0 ? null : changetype<U32List>(<usize>load<u32>(bmVal(e)));
}

export function tagsNew(): usize { return bmCreate(); }
