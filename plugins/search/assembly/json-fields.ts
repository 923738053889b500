// Reading a JSON document's schema fields: one JSON.GET per field path, through call_command (the JSON
// plugin owns the type; host API 1.6 has no plugin-to-plugin call yet). JSON.GET with a JSONPath answers
// an array of the matches, which is decoded here: strings (unescaped), numbers (their text), booleans,
// and arrays of those (a TAG over an array, `$.tags`), each becoming one value of the field. Objects and
// nulls are skipped.
import { ByteBuilder, RESP_BULK, callArg, callArgLiteral, callBegin, callReply, callRun, respBegin, respLen, respNext, respPtr, RESP_NULL } from "ferrite-sdk";
import { strLen, strPtr } from "./bytes";
import { Index, fieldAt } from "./index-spec";
import { readPairs } from "./indexer";
import { listPush } from "./u32-list";

const values = new ByteBuilder();

/** Fills readPairs() with (path, value) pairs; false when the key holds no JSON document. */
export function readJsonFields(x: Index, key: usize, keyLen: i32): bool {
  const p = readPairs();
  p.len = 0;
  values.reset();
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    callBegin();
    callArgLiteral("JSON.GET");
    callArg(key, keyLen);
    callArg(strPtr(f.path), strLen(f.path));
    const n = callRun();
    respBegin(callReply(), n);
    const t = respNext();
    if (t == RESP_NULL) return false; // no such key
    if (t != RESP_BULK) {
      if (i == 0 && isWrongType(respPtr, respLen)) return false;
      continue; // a path that matches nothing (legacy paths answer an error)
    }
    decodeMatches(f.path, respPtr, respLen);
  }
  // Offsets into `values` become pointers now that it no longer moves.
  for (let i = 2; i < p.len; i += 4) store<u32>(p.data + (<usize>i << 2), load<u32>(p.data + (<usize>i << 2)) + <u32>values.ptr);
  return true;
}

function isWrongType(ptr: usize, len: i32): bool {
  return len >= 9 && load<u8>(ptr) == 87 && load<u8>(ptr, 1) == 82 && load<u8>(ptr, 5) == 71; // WRONGTYPE
}

let at: usize = 0;
let end: usize = 0;

function skipBlank(): void {
  while (at < end) {
    const c = load<u8>(at);
    if (c != 32 && c != 9 && c != 10 && c != 13) break;
    at++;
  }
}

function decodeMatches(path: usize, ptr: usize, len: i32): void {
  at = ptr;
  end = ptr + <usize>len;
  skipBlank();
  if (at >= end) return;
  if (load<u8>(at) != 91) { // a legacy path answers the value itself
    value(path, 0);
    return;
  }
  at++;
  elements(path, 0);
}

/** The elements of an array whose `[` was read, up to and past its `]`. */
function elements(path: usize, depth: i32): void {
  while (true) {
    skipBlank();
    if (at >= end) return;
    const c = load<u8>(at);
    if (c == 93) { at++; return; }
    if (c == 44) { at++; continue; }
    value(path, depth);
  }
}

function value(path: usize, depth: i32): void {
  const c = load<u8>(at);
  if (c == 34) { string(path); return; }
  if (c == 91) {
    if (depth >= 1) { skipNested(); return; }
    at++;
    elements(path, depth + 1);
    return;
  }
  if (c == 123) { skipNested(); return; }
  const start = at;
  while (at < end) {
    const d = load<u8>(at);
    if (d == 44 || d == 93 || d == 32 || d == 10) break;
    at++;
  }
  if (load<u8>(start) == 110) return; // null
  addValue(path, start, <i32>(at - start));
}

function addValue(path: usize, ptr: usize, len: i32): void {
  const off = values.len;
  values.bytes(ptr, len);
  const p = readPairs();
  listPush(p, <u32>strPtr(path));
  listPush(p, <u32>strLen(path));
  listPush(p, <u32>off);
  listPush(p, <u32>len);
}

function string(path: usize): void {
  at++;
  const off = values.len;
  while (at < end) {
    let c = <u32>load<u8>(at++);
    if (c == 34) break;
    if (c == 92 && at < end) {
      c = <u32>load<u8>(at++);
      if (c == 110) c = 10; else if (c == 116) c = 9; else if (c == 114) c = 13; else if (c == 98) c = 8; else if (c == 102) c = 12;
      else if (c == 117 && at + 4 <= end) { utf8(hex4(at)); at += 4; continue; }
    }
    values.byte(c);
  }
  const p = readPairs();
  listPush(p, <u32>strPtr(path));
  listPush(p, <u32>strLen(path));
  listPush(p, <u32>off);
  listPush(p, <u32>(values.len - off));
}

function hex4(p: usize): u32 {
  let v: u32 = 0;
  for (let i = 0; i < 4; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    v = (v << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return v;
}

function utf8(cp: u32): void {
  if (cp < 0x80) values.byte(cp);
  else if (cp < 0x800) { values.byte(0xc0 | (cp >> 6)); values.byte(0x80 | (cp & 63)); }
  else { values.byte(0xe0 | (cp >> 12)); values.byte(0x80 | ((cp >> 6) & 63)); values.byte(0x80 | (cp & 63)); }
}

/** Skips the object or array whose opening byte is at `at`, strings included. */
function skipNested(): void {
  let depth = 1;
  at++;
  while (at < end && depth > 0) {
    const c = load<u8>(at++);
    if (c == 34) {
      while (at < end) {
        const d = load<u8>(at++);
        if (d == 92) at++; else if (d == 34) break;
      }
    } else if (c == 123 || c == 91) depth++;
    else if (c == 125 || c == 93) depth--;
  }
}
