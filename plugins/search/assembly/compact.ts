// Dropping deleted documents' entries from an index's postings and tag lists. Updates and deletes only
// mark a document gone (index-spec.ts); once gone documents outnumber live ones (and are more than
// MIN_DEAD), one pass over every list removes them, so the work is amortized over the writes that
// made it and memory stays within twice what the live documents need.
import { bmBucket, bmBuckets, bmNext, bmVal } from "ferrite-sdk";
import { Index, fieldAt } from "./index-spec";
import { postingsCompact } from "./postings";
import { NumericIndex, merge } from "./numeric-index";
import { U32List, listGet, listSet } from "./u32-list";

const MIN_DEAD: i32 = 1000;

export function maybeCompact(x: Index): void {
  if (x.deadDocs >= MIN_DEAD && x.deadDocs > x.liveDocs) compact(x);
}

/** One pass over every list now (a walk's end: it re-indexed every document, so half the entries are dead). */
export function compact(x: Index): void {
  const docs = x.docs.data, docCount = <u32>x.docs.len;
  let records: i64 = 0;
  const n = bmBuckets(x.terms);
  for (let b: u32 = 0; b < n; b++) {
    for (let e = bmBucket(x.terms, b); e != 0; e = bmNext(e)) records += <i64>postingsCompact(<usize>load<u32>(bmVal(e)), docs, docCount);
  }
  x.records = records;
  for (let i = 0; i < x.fields.len; i++) {
    const numeric = fieldAt(x, i).numeric;
    if (numeric != 0) merge(x, changetype<NumericIndex>(numeric));
    const tags = fieldAt(x, i).tags;
    if (tags == 0) continue;
    const tn = bmBuckets(tags);
    for (let b: u32 = 0; b < tn; b++) {
      for (let e = bmBucket(tags, b); e != 0; e = bmNext(e)) keepLive(x, changetype<U32List>(<usize>load<u32>(bmVal(e))));
    }
  }
  x.deadDocs = 0;
}

function keepLive(x: Index, l: U32List): void {
  let to = 0;
  for (let i = 0; i < l.len; i++) {
    const id = listGet(l, i);
    if (id < <u32>x.docs.len && listGet(x.docs, <i32>id) != 0) listSet(l, to++, id);
  }
  l.len = to;
}
