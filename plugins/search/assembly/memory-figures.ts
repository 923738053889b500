// FT.INFO's memory figures from the bytes the index's blocks really take (heapFootprint: the allocator's
// header and rounding included), walked when FT.INFO asks (O(index); not a hot path). Named as
// RediSearch names them: the text postings (inverted_sz_mb, and the positions inside them,
// offset_vectors_sz_mb), the doc table (documents and their keys), the key → doc id map, and the
// per-document columns (NUMERIC/GEO values and SORTABLE strings).
import { bmBucket, bmBuckets, bmMemory, bmNext, bmVal, heapFootprint } from "ferrite-sdk";
import { strLen } from "./bytes";
import { Column } from "./columns";
import { Doc, Index, docAt, fieldAt } from "./index-spec";
import { entryFreq, entryNext, postingsEnd, postingsFirst } from "./postings";

export let invertedBytes: f64 = 0;
export let offsetBytes: f64 = 0;
/** Positions stored in the postings (offsets_per_term_avg's numerator). */
export let offsets: f64 = 0;
export let docTableBytes: f64 = 0;
export let keyTableBytes: f64 = 0;
export let sortableBytes: f64 = 0;

export function measure(x: Index): void {
  invertedBytes = <f64>bmMemory(x.terms);
  offsetBytes = 0;
  offsets = 0;
  const n = bmBuckets(x.terms);
  for (let b: u32 = 0; b < n; b++) {
    for (let e = bmBucket(x.terms, b); e != 0; e = bmNext(e)) {
      const p = <usize>load<u32>(bmVal(e));
      invertedBytes += <f64>heapFootprint(<usize>load<u32>(p, 4));
      for (let en = postingsFirst(p), end = postingsEnd(p); en < end; en = entryNext(en)) offsets += <f64>entryFreq(en);
    }
  }
  offsetBytes = offsets * 4;
  docTableBytes = <f64>heapFootprint(<usize>x.docs.cap << 2);
  for (let id: u32 = 1; id < <u32>x.docs.len; id++) {
    const d = docAt(x, id);
    if (d != null) docTableBytes += <f64>(heapFootprint(offsetof<Doc>()) + heapFootprint(4 + <usize>strLen(d.key)));
  }
  keyTableBytes = <f64>bmMemory(x.keys);
  sortableBytes = 0;
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.column == 0) continue;
    const c = changetype<Column>(f.column);
    sortableBytes += <f64>heapFootprint(<usize>(c.slots * c.stride));
    if (c.stride != 4) continue;
    for (let s: u32 = 0; s < c.slots; s++) {
      const str = <usize>load<u32>(c.data + <usize>(s * 4));
      if (str != 0) sortableBytes += <f64>heapFootprint(4 + <usize>strLen(str));
    }
  }
}
