// One schema field of an index (FT.CREATE … SCHEMA, FT.ALTER … SCHEMA ADD): its source (a hash field
// name, or a JSONPath for JSON), the attribute name queries use (AS, else the source), type and options.
// Parsing lives here so FT.CREATE and FT.ALTER share it; the vector options go to vector-field.ts.
import { argLen, argPtr, parseF64, parsedF64 } from "ferrite-sdk";
import { isWord, strFree, strNew } from "./bytes";
import { errAround, errStart } from "./errors";
import { VectorParams, parseVectorParams, parsedVectorEnd, vectorParamsFree } from "./vector-field";

export const TEXT: i32 = 0;
export const TAG: i32 = 1;
export const NUMERIC: i32 = 2;
export const GEO: i32 = 3;
export const VECTOR: i32 = 4;

export const F_SORTABLE: i32 = 1;
export const F_NOSTEM: i32 = 2;
export const F_NOINDEX: i32 = 4;
export const F_CASESENSITIVE: i32 = 8;
export const F_UNF: i32 = 16;
export const F_WITHSUFFIXTRIE: i32 = 32;
export const F_INDEXEMPTY: i32 = 64;
export const F_INDEXMISSING: i32 = 128;

/** RediSearch's limit on TEXT fields: one bit each in a posting's field mask. */
export const MAX_TEXT_FIELDS: i32 = 32;

@unmanaged export class Field {
  /** Where the value is read from: the hash field name, or the JSONPath (a str, bytes.ts). */
  path: usize;
  /** The attribute name in queries, RETURN and SORTBY (AS; the path when no AS). */
  name: usize;
  type: i32;
  flags: i32;
  weight: f64;
  /** TAG's separator byte. */
  separator: u32;
  /** TEXT: this field's bit in the postings' field masks. */
  textBit: i32;
  /** TAG: value → doc id list (tag-index.ts). */
  tags: usize;
  /** NUMERIC, GEO and sortable fields: the per-document column (columns.ts). */
  column: usize;
  /** NUMERIC: the range index (numeric-index.ts), 0 until a value is indexed. */
  numeric: usize;
  /** VECTOR: its parameters (vector-field.ts), 0 otherwise. */
  vector: VectorParams | null;
}

export function fieldNew(path: usize, name: usize, type: i32): Field {
  const f = changetype<Field>(heap.alloc(offsetof<Field>()));
  memory.fill(changetype<usize>(f), 0, offsetof<Field>());
  f.path = path;
  f.name = name;
  f.type = type;
  f.weight = 1;
  f.separator = 44; // ','
  f.textBit = -1;
  return f;
}

export function fieldFree(f: Field): void {
  if (f.name != f.path) strFree(f.name);
  strFree(f.path);
  if (f.vector) vectorParamsFree(changetype<VectorParams>(f.vector));
  heap.free(changetype<usize>(f));
}

export const TYPE_NAMES: string[] = ["TEXT", "TAG", "NUMERIC", "GEO", "VECTOR"];

/** The field parseField made. */
export let parsedField: Field | null = null;

/**
 * Parses one `name [AS alias] type [options]` from argument `i`. Leaves the field in parsedField and
 * returns the index of the next argument, or -1 with the error text built (errors.ts).
 */
export function parseField(argc: i32, argv: usize, i: i32): i32 {
  parsedField = null;
  const namePtr = argPtr(argv, i), nameLen = argLen(argv, i);
  i++;
  let aliasAt = -1;
  if (i + 1 < argc && isWord(argPtr(argv, i), argLen(argv, i), "AS")) {
    aliasAt = i + 1;
    i += 2;
  }
  let type = -1;
  if (i < argc) {
    const tp = argPtr(argv, i), tl = argLen(argv, i);
    for (let t = 0; t < TYPE_NAMES.length; t++) if (isWord(tp, tl, TYPE_NAMES[t])) type = t;
  }
  if (type < 0) {
    errAround("Invalid field type for field `", namePtr, nameLen, "`");
    return -1;
  }
  i++;
  const path = strNew(namePtr, nameLen);
  const name = aliasAt >= 0 ? strNew(argPtr(argv, aliasAt), argLen(argv, aliasAt)) : path;
  const f = fieldNew(path, name, type);
  if (type == VECTOR) {
    const params = parseVectorParams(argc, argv, i, namePtr, nameLen);
    if (params == null) { fieldFree(f); return -1; }
    f.vector = params;
    i = parsedVectorEnd();
  }
  while (i < argc) {
    const p = argPtr(argv, i), l = argLen(argv, i);
    if (isWord(p, l, "SORTABLE")) f.flags |= F_SORTABLE;
    else if (isWord(p, l, "UNF")) f.flags |= F_UNF;
    else if (isWord(p, l, "NOINDEX")) f.flags |= F_NOINDEX;
    else if (isWord(p, l, "INDEXEMPTY")) f.flags |= F_INDEXEMPTY;
    else if (isWord(p, l, "INDEXMISSING")) f.flags |= F_INDEXMISSING;
    else if (type == TEXT && isWord(p, l, "NOSTEM")) f.flags |= F_NOSTEM;
    else if ((type == TEXT || type == TAG) && isWord(p, l, "WITHSUFFIXTRIE")) f.flags |= F_WITHSUFFIXTRIE;
    else if (type == TEXT && isWord(p, l, "WEIGHT")) {
      if (i + 1 >= argc || !parseF64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedF64 < 0) {
        fieldFree(f);
        errStart("Could not parse field spec");
        return -1;
      }
      f.weight = parsedF64;
      i++;
    } else if (type == TEXT && isWord(p, l, "PHONETIC")) {
      i++; // accepted and ignored: phonetic matching is not implemented (ADR 0034)
    } else if (type == TAG && isWord(p, l, "SEPARATOR")) {
      if (i + 1 >= argc || argLen(argv, i + 1) != 1) {
        fieldFree(f);
        errStart("Tag separator must be a single character");
        return -1;
      }
      f.separator = load<u8>(argPtr(argv, i + 1));
      i++;
    } else if (type == TAG && isWord(p, l, "CASESENSITIVE")) f.flags |= F_CASESENSITIVE;
    else break;
    i++;
  }
  parsedField = f;
  return i;
}
