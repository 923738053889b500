// FT.INFO index: the definition and figures, with RediSearch 2.8's field names (a map in RESP3, pairs
// in RESP2). Sizes are this plugin's own structures in megabytes; figures RediSearch has and this
// implementation does not keep (GC, cursors) are reported as zeros.
import { argLen, argPtr, protocol, replyArray, replyBulk, replyDouble, replyError, replyInt, replyMap } from "ferrite-sdk";
import { strLen, strPtr } from "../bytes";
import { docTableBytes, invertedBytes, keyTableBytes, measure, offsetBytes, offsets, sortableBytes } from "../memory-figures";
import { ERR_UNKNOWN_INDEX } from "../errors";
import { Index, ON_JSON, fieldAt } from "../index-spec";
import { findIndex } from "../registry";
import { percentIndexed, scanIfNeeded } from "../scan";
import {
  F_CASESENSITIVE, F_NOINDEX, F_NOSTEM, F_SORTABLE, F_UNF, F_WITHSUFFIXTRIE, Field, TAG, TEXT, TYPE_NAMES, VECTOR,
} from "../schema";
import { listGet } from "../u32-list";
import { VectorParams, vectorIndexSizeMb, vectorInfoPairs, vectorInfoReply } from "../vector-field";

const buf = memory.data(64);
let resp3 = false;

function bulk(s: string): void {
  for (let i = 0; i < s.length; i++) store<u8>(buf + <usize>i, <u8>s.charCodeAt(i));
  replyBulk(buf, s.length);
}

function str(s: usize): void { replyBulk(strPtr(s), strLen(s)); }

function pairs(n: i32): void { if (resp3) replyMap(n); else replyArray(n * 2); }

const MB: f64 = 1048576;

export function run(_argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  scanIfNeeded(x);
  resp3 = protocol() == 3;
  pairs(25);
  bulk("index_name"); str(x.name);
  bulk("index_options"); replyArray(0);
  bulk("index_definition"); definition(x);
  bulk("attributes"); replyArray(x.fields.len);
  for (let i = 0; i < x.fields.len; i++) attribute(fieldAt(x, i));
  bulk("num_docs"); replyInt(x.liveDocs);
  bulk("max_doc_id"); replyInt(x.docs.len - 1);
  bulk("num_terms"); replyInt(termCount(x));
  bulk("num_records"); replyInt(x.records);
  measure(x);
  const records = x.records > 0 ? <f64>x.records : 1;
  bulk("inverted_sz_mb"); replyDouble(invertedBytes / MB);
  bulk("vector_index_sz_mb"); replyDouble(vectorIndexSizeMb(x));
  bulk("total_inverted_index_blocks"); replyInt(termCount(x));
  bulk("offset_vectors_sz_mb"); replyDouble(offsetBytes / MB);
  bulk("doc_table_size_mb"); replyDouble(docTableBytes / MB);
  bulk("sortable_values_size_mb"); replyDouble(sortableBytes / MB);
  bulk("key_table_size_mb"); replyDouble(keyTableBytes / MB);
  bulk("records_per_doc_avg"); replyDouble(x.liveDocs == 0 ? 0 : <f64>x.records / <f64>x.liveDocs);
  bulk("bytes_per_record_avg"); replyDouble(invertedBytes / records);
  bulk("offsets_per_term_avg"); replyDouble(offsets / records);
  bulk("offset_bits_per_record_avg"); replyDouble(offsetBytes * 8 / records);
  bulk("hash_indexing_failures"); replyInt(x.failures);
  bulk("total_indexing_time"); replyDouble(0);
  bulk("indexing"); replyInt(x.scanning ? 1 : 0);
  bulk("percent_indexed"); replyDouble(percentIndexed(x));
  bulk("number_of_uses"); replyInt(0);
  bulk("cleaning"); replyInt(0);
}

function termCount(x: Index): i64 {
  return <i64>load<i32>(x.terms); // the byte map's entry count (bmCount)
}

function definition(x: Index): void {
  pairs(x.filter != 0 ? 4 : 3);
  bulk("key_type"); bulk(x.on == ON_JSON ? "JSON" : "HASH");
  bulk("prefixes");
  const n = x.prefixes.len;
  replyArray(n == 0 ? 1 : n);
  if (n == 0) replyBulk(0, 0);
  for (let i = 0; i < n; i++) str(<usize>listGet(x.prefixes, i));
  if (x.filter != 0) { bulk("filter"); str(x.filter); }
  bulk("default_score"); replyDouble(x.defaultScore);
}

/** Flags RediSearch prints after a field's options, each a bare word. */
function flagCount(f: Field): i32 {
  let n = 0;
  if ((f.flags & F_SORTABLE) != 0) n++;
  if ((f.flags & F_UNF) != 0) n++;
  if ((f.flags & F_NOSTEM) != 0) n++;
  if ((f.flags & F_NOINDEX) != 0) n++;
  if ((f.flags & F_CASESENSITIVE) != 0) n++;
  if ((f.flags & F_WITHSUFFIXTRIE) != 0) n++;
  return n;
}

function flags(f: Field): void {
  if ((f.flags & F_SORTABLE) != 0) bulk("SORTABLE");
  if ((f.flags & F_UNF) != 0) bulk("UNF");
  if ((f.flags & F_NOSTEM) != 0) bulk("NOSTEM");
  if ((f.flags & F_NOINDEX) != 0) bulk("NOINDEX");
  if ((f.flags & F_CASESENSITIVE) != 0) bulk("CASESENSITIVE");
  if ((f.flags & F_WITHSUFFIXTRIE) != 0) bulk("WITHSUFFIXTRIE");
}

function attribute(f: Field): void {
  let n = 3;
  if (f.type == TEXT || f.type == TAG) n++;
  if (f.type == VECTOR && f.vector != null) n += vectorInfoPairs(changetype<VectorParams>(f.vector));
  const nflags = flagCount(f);
  if (resp3) replyMap(n + (nflags > 0 ? 1 : 0)); else replyArray(n * 2 + nflags);
  bulk("identifier"); str(f.path);
  bulk("attribute"); str(f.name);
  bulk("type"); bulk(TYPE_NAMES[f.type]);
  if (f.type == TEXT) { bulk("WEIGHT"); replyDouble(f.weight); }
  if (f.type == TAG) { bulk("SEPARATOR"); replyBulk(changetype<usize>(sepBuf(f)), 1); }
  if (f.type == VECTOR && f.vector != null) vectorInfoReply(changetype<VectorParams>(f.vector));
  if (nflags > 0) {
    if (resp3) { bulk("flags"); replyArray(nflags); }
    flags(f);
  }
}

const sep = memory.data(1);

function sepBuf(f: Field): usize {
  store<u8>(sep, <u8>f.separator);
  return sep;
}
