// read (host API 1.8 plugin_call): the values at JSONPaths of a document, for another plugin, in one
// call and without text to re-parse (FT.SEARCH indexing JSON documents; ADR 0025 proposed it as
// json_read, ADR 0042 built it).
//   input:  [u8 flags] then the key as an item (u32 length, bytes), then one item per path. flags & 1
//           (EXPAND): an array match gives its elements, one record each (a TAG over `$.tags`).
//   output: per path, in order: u32 number of records (NO_ITEM, 0xffffffff, for a path that does not
//           parse, so one bad path costs the caller only that path), then each record [u8 kind][item]: kind is the
//           JSON plugin's node kind (0 null, 1 false, 2 true, 3 integer, 4 unsigned, 5 float, 6 string,
//           7 array, 8 object); a string's item is its UTF-8 text unescaped, any other value's is its
//           compact JSON text (numbers exactly as JSON.GET writes them). A legacy path (no `$`) gives its
//           first match only, as JSON.GET does.
//   returns the number of paths; MISSING, WRONGTYPE, or BADPAYLOAD for input that is not a flags byte,
//   a key item and path items.
// Read-only and without side effects on the key's LRU/LFU statistics (LOOKUP_NOTOUCH): a reader for
// indexing must not make documents look used.
import { ByteBuilder, NO_ITEM, functionOutput, itemLen, itemNext, itemPtr, keyFind } from "ferrite-sdk";
import { JSON_TYPE, docRoot, rootSlot } from "../document";
import { K_ARRAY, K_STRING, arrGet, count, kind, strBytes, strLen } from "../node";
import { checkPath, evalPath, isLegacy, matchCount, matchNode, setFilterRoot } from "../path";
import { COMPACT, writeNode } from "../serialize";

const EXPAND: u8 = 1;
const NOTOUCH: i32 = 2;
const BADPAYLOAD: i32 = -3;
const out = new ByteBuilder();

export function call(input: usize, len: i32): i32 {
  const end = input + <usize>len;
  if (len < 5 || itemNext(input + 1) > end) return BADPAYLOAD;
  const expand = (load<u8>(input) & EXPAND) != 0;
  for (let p = itemNext(input + 1); p < end; p = itemNext(p))
    if (p + 4 > end || itemNext(p) > end) return BADPAYLOAD;
  const found = keyFind(itemPtr(input + 1), itemLen(input + 1), JSON_TYPE, NOTOUCH);
  if (found < 0) return <i32>found;
  const d = <usize>found;
  setFilterRoot(docRoot(d));
  out.reset();
  let paths: i32 = 0;
  for (let p = itemNext(input + 1); p < end; p = itemNext(p)) {
    paths++;
    if (!checkPath(itemPtr(p), itemLen(p))) {
      out.u32(<u32>NO_ITEM);
      continue;
    }
    evalPath(itemPtr(p), itemLen(p), docRoot(d), rootSlot(d));
    const n = isLegacy(itemPtr(p), itemLen(p)) && matchCount > 1 ? 1 : matchCount;
    const countAt = out.len;
    out.u32(0);
    let records: u32 = 0;
    for (let i = 0; i < n; i++) {
      const m = matchNode(i);
      if (expand && kind(m) == K_ARRAY) {
        const items = count(m);
        for (let j = 0; j < items; j++) record(arrGet(m, j));
        records += <u32>items;
      } else {
        record(m);
        records++;
      }
    }
    store<u32>(out.ptr + <usize>countAt, records);
  }
  functionOutput(out.ptr, out.len);
  return paths;
}

/** One value: its kind, then its text (a string's unescaped, any other value's JSON). */
function record(n: usize): void {
  out.byte(kind(n));
  if (kind(n) == K_STRING) {
    out.item(strBytes(n), strLen(n));
    return;
  }
  const lenAt = out.len;
  out.u32(0);
  writeNode(out, n, COMPACT);
  store<u32>(out.ptr + <usize>lenAt, <u32>(out.len - lenAt - 4));
}
