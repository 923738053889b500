// FT.SEARCH … HIGHLIGHT [FIELDS n f…] [TAGS open close]: the words of returned TEXT values that the
// query matched (a term, another form of it by stem, or a prefix), wrapped in the tags (<b> and </b> by
// default). Terms under NOT are not highlighted. SUMMARIZE is accepted and leaves values whole (ADR 0034).
import { ByteBuilder, argLen, argPtr } from "ferrite-sdk";
import { isWord } from "../bytes";
import { Index, fieldByPath } from "../index-spec";
import { Q_NOT, Q_PREFIX, Q_TERM, QueryNode } from "../query/node";
import { TEXT } from "../schema";
import { scratchAlloc } from "../scratch";
import { stem, stemLen, stemPtr } from "../stemmer";
import { nextToken, tokEnd, tokLen, tokPtr, tokStart, tokenizeBegin } from "../tokenizer";

export const highlighted = new ByteBuilder();

const OPEN = memory.data<u8>([60, 98, 62]); // <b>
const CLOSE = memory.data<u8>([60, 47, 98, 62]); // </b>

let on = false;
let openPtr: usize = 0;
let openLen: i32 = 0;
let closePtr: usize = 0;
let closeLen: i32 = 0;
let currentArgv: usize = 0;
let fieldsAt: i32 = 0;
let fieldsCount: i32 = -1;
/** Terms to mark: (u32 ptr, u32 len, u32 isPrefix) each; stems are kept beside the terms they come from. */
let terms: usize = 0;
let termCount: i32 = 0;
const MAX_TERMS: i32 = 64;

/** Reads HIGHLIGHT's options at argument `at` (0: no HIGHLIGHT) and the query's terms. */
export function highlightBegin(argc: i32, argv: usize, at: i32, root: QueryNode): void {
  on = at != 0;
  if (!on) return;
  currentArgv = argv;
  openPtr = OPEN; openLen = 3; closePtr = CLOSE; closeLen = 4;
  fieldsCount = -1;
  for (let i = at + 1; i < argc; i++) {
    if (isWord(argPtr(argv, i), argLen(argv, i), "FIELDS") && i + 1 < argc) {
      fieldsAt = i + 2;
      fieldsCount = <i32>parseCount(argPtr(argv, i + 1), argLen(argv, i + 1));
      i += 1 + fieldsCount;
    } else if (isWord(argPtr(argv, i), argLen(argv, i), "TAGS") && i + 2 < argc) {
      openPtr = argPtr(argv, i + 1); openLen = argLen(argv, i + 1);
      closePtr = argPtr(argv, i + 2); closeLen = argLen(argv, i + 2);
      i += 2;
    } else break;
  }
  terms = scratchAlloc(<usize>MAX_TERMS * 12);
  termCount = 0;
  collect(root);
}

function parseCount(ptr: usize, len: i32): i64 {
  let v: i64 = 0;
  for (let i = 0; i < len; i++) v = v * 10 + <i64>(load<u8>(ptr + <usize>i) - 48);
  return v;
}

function add(ptr: usize, len: i32, prefix: bool): void {
  if (termCount == MAX_TERMS) return;
  const e = terms + <usize>termCount * 12;
  store<u32>(e, <u32>ptr);
  store<u32>(e, <u32>len, 4);
  store<u32>(e, prefix ? 1 : 0, 8);
  termCount++;
}

function collect(n: QueryNode): void {
  if (n.kind == Q_NOT) return;
  if (n.kind == Q_TERM) {
    add(n.str, n.strLen, false);
    if (!n.verbatim && stem(n.str, n.strLen)) {
      const s = scratchAlloc(<usize>stemLen);
      memory.copy(s, stemPtr, <usize>stemLen);
      add(s, stemLen, false);
    }
  } else if (n.kind == Q_PREFIX) add(n.str, n.strLen, true);
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) collect(changetype<QueryNode>(c));
}

/** Whether the value of hash field / path `name` is highlighted. */
export function highlights(x: Index, name: usize, nameLen: i32): bool {
  if (!on || termCount == 0) return false;
  const f = fieldByPath(x, name, nameLen);
  if (f == null || f.type != TEXT) return false;
  if (fieldsCount < 0) return true;
  for (let i = 0; i < fieldsCount; i++) {
    const p = argPtr(currentArgv, fieldsAt + i), l = argLen(currentArgv, fieldsAt + i);
    if (l == nameLen && memory.compare(p, name, <usize>nameLen) == 0) return true;
  }
  return false;
}

function matches(): bool {
  let stemmedDone = false;
  let sp: usize = 0, sl = 0;
  for (let i = 0; i < termCount; i++) {
    const e = terms + <usize>i * 12;
    const p = <usize>load<u32>(e), l = <i32>load<u32>(e, 4);
    if (load<u32>(e, 8) != 0) {
      if (tokLen >= l && memory.compare(tokPtr, p, <usize>l) == 0) return true;
      continue;
    }
    if (tokLen == l && memory.compare(tokPtr, p, <usize>l) == 0) return true;
    if (!stemmedDone) {
      stemmedDone = true;
      if (stem(tokPtr, tokLen)) { sp = stemPtr; sl = stemLen; }
    }
    if (sl == l && memory.compare(sp, p, <usize>l) == 0) return true;
  }
  return false;
}

/** The value with its matching words wrapped, in `highlighted`. */
export function highlight(ptr: usize, len: i32): void {
  highlighted.reset();
  tokenizeBegin(ptr, len);
  let copied = 0;
  while (nextToken()) {
    if (!matches()) continue;
    highlighted.bytes(ptr + <usize>copied, tokStart - copied);
    highlighted.bytes(openPtr, openLen);
    highlighted.bytes(ptr + <usize>tokStart, tokEnd - tokStart);
    highlighted.bytes(closePtr, closeLen);
    copied = tokEnd;
  }
  highlighted.bytes(ptr + <usize>copied, len - copied);
}
