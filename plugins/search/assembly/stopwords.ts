// Stopwords: RediSearch's default English list, or an index's own (FT.CREATE … STOPWORDS n w…; 0 for
// none). Stopwords are neither indexed nor searched.
import { bmCreate, bmFind, bmSet } from "ferrite-sdk";
import { I_CUSTOM_STOPWORDS, Index } from "./index-spec";

export const DEFAULT_STOPWORDS: string[] = [
  "a", "is", "the", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "it", "no",
  "not", "of", "on", "or", "such", "that", "their", "then", "there", "these", "they", "this", "to", "was",
  "will", "with",
];

let defaults: usize = 0;
const buf = memory.data(16);

function defaultMap(): usize {
  if (defaults == 0) {
    defaults = bmCreate();
    for (let i = 0; i < DEFAULT_STOPWORDS.length; i++) {
      const w = DEFAULT_STOPWORDS[i];
      for (let j = 0; j < w.length; j++) store<u8>(buf + <usize>j, <u8>w.charCodeAt(j));
      bmSet(defaults, buf, w.length, 0, 0);
    }
  }
  return defaults;
}

export function isStopword(x: Index, ptr: usize, len: i32): bool {
  const map = (x.flags & I_CUSTOM_STOPWORDS) != 0 ? x.stopwords : defaultMap();
  return map != 0 && bmFind(map, ptr, len) != 0;
}
