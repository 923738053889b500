// Building an index from FT.CREATE's arguments (after the index name), shared by FT.CREATE and by
// aux_load, which replays the saved arguments (persistence.ts). Errors are built (errors.ts), not
// replied, so a load can use the same code.
import { argLen, argPtr, bmCreate, bmSet, parseF64, parseI64, parsedF64, parsedI64 } from "ferrite-sdk";
import { isWord, strNew } from "./bytes";
import { errAround, errStart } from "./errors";
import {
  I_CUSTOM_STOPWORDS, I_MAXTEXTFIELDS, I_NOFIELDS, I_NOFREQS, I_NOHL, I_NOOFFSETS, I_SKIPINITIALSCAN, Index, ON_HASH, ON_JSON,
  fieldAt, indexFree, indexNew,
} from "./index-spec";
import { Field, MAX_TEXT_FIELDS, TEXT, fieldFree, parseField, parsedField } from "./schema";
import { listPush } from "./u32-list";
import { compileFilter } from "./create-filter";
import { singlePath } from "./json-vectors";
import { VectorParams } from "./vector-field";

/**
 * A new index named `name` (a str, owned by the index from here) from arguments first..argc-1.
 * Returns null with the error built.
 */
export function buildIndex(name: usize, argc: i32, argv: usize, first: i32): Index | null {
  const x = indexNew(name);
  let i = first;
  let schemaAt = -1;
  while (i < argc) {
    const p = argPtr(argv, i), l = argLen(argv, i);
    if (isWord(p, l, "SCHEMA")) { schemaAt = i + 1; break; }
    const hasValue = i + 1 < argc;
    if (isWord(p, l, "ON") && hasValue) {
      const v = argPtr(argv, i + 1), vl = argLen(argv, i + 1);
      if (isWord(v, vl, "HASH")) x.on = ON_HASH;
      else if (isWord(v, vl, "JSON")) x.on = ON_JSON;
      else return fail(x, "Invalid `ON` value");
      i += 2;
    } else if (isWord(p, l, "PREFIX") && hasValue) {
      if (!parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 < 0 || i + 2 + <i32>parsedI64 > argc) return fail(x, "Bad arguments for PREFIX: Expected an argument, but none provided");
      const n = <i32>parsedI64;
      for (let k = 0; k < n; k++) listPush(x.prefixes, <u32>strNew(argPtr(argv, i + 2 + k), argLen(argv, i + 2 + k)));
      i += 2 + n;
    } else if (isWord(p, l, "FILTER") && hasValue) {
      x.filter = strNew(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 2;
    } else if (isWord(p, l, "LANGUAGE") && hasValue) {
      x.language = strNew(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 2;
    } else if (isWord(p, l, "LANGUAGE_FIELD") && hasValue) {
      x.languageField = strNew(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 2;
    } else if (isWord(p, l, "SCORE") && hasValue) {
      if (!parseF64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedF64 < 0 || parsedF64 > 1) return fail(x, "Invalid score");
      x.defaultScore = parsedF64;
      i += 2;
    } else if (isWord(p, l, "SCORE_FIELD") && hasValue) {
      x.scoreField = strNew(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 2;
    } else if (isWord(p, l, "PAYLOAD_FIELD") && hasValue) {
      x.payloadField = strNew(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 2;
    } else if (isWord(p, l, "STOPWORDS") && hasValue) {
      if (!parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 < 0 || i + 2 + <i32>parsedI64 > argc) return fail(x, "Bad arguments for STOPWORDS: Expected an argument, but none provided");
      const n = <i32>parsedI64;
      x.flags |= I_CUSTOM_STOPWORDS;
      x.stopwords = bmCreate();
      for (let k = 0; k < n; k++) lowerInto(x.stopwords, argPtr(argv, i + 2 + k), argLen(argv, i + 2 + k));
      i += 2 + n;
    } else if (isWord(p, l, "TEMPORARY") && hasValue) {
      if (!parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 <= 0) return fail(x, "Bad arguments for TEMPORARY: Could not convert argument to expected type");
      x.idleMs = <f64>parsedI64 * 1000;
      i += 2;
    } else if (isWord(p, l, "SKIPINITIALSCAN")) { x.flags |= I_SKIPINITIALSCAN; i++; }
    else if (isWord(p, l, "NOOFFSETS")) { x.flags |= I_NOOFFSETS; i++; }
    else if (isWord(p, l, "NOHL")) { x.flags |= I_NOHL; i++; }
    else if (isWord(p, l, "NOFIELDS")) { x.flags |= I_NOFIELDS; i++; }
    else if (isWord(p, l, "NOFREQS")) { x.flags |= I_NOFREQS; i++; }
    else if (isWord(p, l, "MAXTEXTFIELDS")) { x.flags |= I_MAXTEXTFIELDS; i++; }
    else {
      indexFree(x);
      errAround("Unknown argument `", p, l, "`");
      return null;
    }
  }
  if (schemaAt < 0) return fail(x, "No schema found");
  if (schemaAt >= argc) return fail(x, "Fields arguments are missing");
  if (!addFields(x, argc, argv, schemaAt)) { indexFree(x); return null; }
  if (!compileFilter(x)) { indexFree(x); return null; }
  return x;
}

const lowered = memory.data(256);

function lowerInto(map: usize, ptr: usize, len: i32): void {
  const n = min(len, 256);
  for (let i = 0; i < n; i++) {
    let c = load<u8>(ptr + <usize>i);
    if (c >= 65 && c <= 90) c += 32;
    store<u8>(lowered + <usize>i, c);
  }
  bmSet(map, lowered, n, 0, 0);
}

function fail(x: Index, text: string): Index | null {
  indexFree(x);
  errStart(text);
  return null;
}

/** Adds the field definitions from argument `i` on (SCHEMA's, or FT.ALTER's SCHEMA ADD). */
export function addFields(x: Index, argc: i32, argv: usize, i: i32): bool {
  while (i < argc) {
    const next = parseField(argc, argv, i);
    if (next < 0) return false;
    const f = changetype<Field>(parsedField);
    if (sameName(x, f)) {
      errAround("Duplicate field in schema - ", argPtr(argv, i), argLen(argv, i), "");
      fieldFree(f);
      return false;
    }
    // A JSON vector path that may match several arrays indexes several vectors per document.
    if (f.vector != null && x.on == ON_JSON) changetype<VectorParams>(f.vector).multi = !singlePath(f.path);
    if (f.type == TEXT) {
      if (x.textFields >= MAX_TEXT_FIELDS) {
        fieldFree(f);
        errStart("Too many TEXT fields in schema");
        return false;
      }
      f.textBit = x.textFields++;
    }
    listPush(x.fields, <u32>changetype<usize>(f));
    i = next;
  }
  return true;
}

/** Whether another field has exactly this attribute name (RediSearch refuses duplicates). */
function sameName(x: Index, f: Field): bool {
  const len = load<i32>(f.name);
  for (let k = 0; k < x.fields.len; k++) {
    const g = fieldAt(x, k);
    if (load<i32>(g.name) == len && memory.compare(g.name + 4, f.name + 4, <usize>len) == 0) return true;
  }
  return false;
}

/** Keeps arguments first..argc-1 with the index (u32 count, then u32 length and bytes each). */
export function keepDefinition(x: Index, argc: i32, argv: usize, first: i32): void {
  let size: usize = 4;
  for (let i = first; i < argc; i++) size += 4 + <usize>argLen(argv, i);
  const old = x.definition, oldLen = x.definitionLen;
  const oldCount = old == 0 ? 0 : load<u32>(old);
  const total: usize = (old == 0 ? <usize>0 : <usize>oldLen - 4) + size;
  const d = heap.alloc(total);
  store<u32>(d, oldCount + <u32>(argc - first));
  let at = d + 4;
  if (old != 0) {
    memory.copy(at, old + 4, <usize>oldLen - 4);
    at += <usize>oldLen - 4;
    heap.free(old);
  }
  for (let i = first; i < argc; i++) {
    const l = argLen(argv, i);
    store<u32>(at, <u32>l);
    memory.copy(at + 4, argPtr(argv, i), <usize>l);
    at += 4 + <usize>l;
  }
  x.definition = d;
  x.definitionLen = <i32>total;
}
