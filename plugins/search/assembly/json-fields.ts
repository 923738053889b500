// Reading a JSON document's schema fields through the JSON plugin's `read` function (host API 1.8
// plugin_call, ADR 0042): one call for every schema path, answering each path's matches as typed
// records, so nothing is re-parsed here. Strings (unescaped), numbers (their JSON text), booleans, and
// the elements of an array match (the call's EXPAND flag: a TAG over `$.tags`) each become one value of
// the field; nulls, objects and arrays nested in an array are skipped, as is a path that matches nothing
// or does not parse. VECTOR fields are read apart, with their arrays whole (json-vectors.ts).
import { ByteBuilder, NO_ITEM, PluginFunction, calledLen, calledOutput, itemLen, itemNext, itemPtr } from "ferrite-sdk";
import { strLen, strPtr } from "./bytes";
import { Index, fieldAt } from "./index-spec";
import { readPairs } from "./indexer";
import { VECTOR } from "./schema";
import { listPush } from "./u32-list";
import { hasVectorFields, readJsonVectors } from "./json-vectors";

const READ = new PluginFunction("json", "read");
const EXPAND: u8 = 1;
// The record kinds of the JSON plugin's `read` that carry no indexable value.
const K_NULL: u8 = 0;
const K_ARRAY: u8 = 7;
const K_OBJECT: u8 = 8;
const input = new ByteBuilder();

/** Fills readPairs() with (path, value) pairs; false when the key holds no JSON document. */
export function readJsonFields(x: Index, key: usize, keyLen: i32): bool {
  const p = readPairs();
  p.len = 0;
  // The vectors first: their pairs point into json-vectors.ts's own buffer, while the pairs read below
  // point into the call's output, which the next plugin call would overwrite.
  if (hasVectorFields(x) && !readJsonVectors(x, key, keyLen, p)) return false;
  input.reset();
  input.byte(EXPAND);
  input.item(key, keyLen);
  let paths = 0;
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.type == VECTOR) continue;
    input.item(strPtr(f.path), strLen(f.path));
    paths++;
  }
  if (paths == 0) return true;
  if (READ.call(input.ptr, input.len) < 0) return false;
  let at = calledOutput();
  const end = at + <usize>calledLen;
  for (let i = 0; i < x.fields.len && at + 4 <= end; i++) {
    if (fieldAt(x, i).type == VECTOR) continue;
    const records = <i32>load<u32>(at);
    at += 4;
    if (records == NO_ITEM) continue;
    const path = fieldAt(x, i).path;
    for (let r = 0; r < records; r++) {
      const k = load<u8>(at);
      const value = at + 1;
      at = itemNext(value);
      if (k == K_NULL || k == K_ARRAY || k == K_OBJECT) continue;
      listPush(p, <u32>strPtr(path));
      listPush(p, <u32>strLen(path));
      listPush(p, <u32>itemPtr(value));
      listPush(p, <u32>itemLen(value));
    }
  }
  return true;
}
