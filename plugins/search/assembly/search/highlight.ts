// FT.SEARCH … HIGHLIGHT [FIELDS n f…] [TAGS open close]: the words of returned TEXT values that the
// query matched (a term, another form of it by stem, or a prefix), wrapped in the tags (<b> and </b> by
// default). Terms under NOT are not highlighted. SUMMARIZE [FIELDS n f…] [FRAGS n] [LEN n] [SEPARATOR s]
// cuts a value down to fragments around those words (summarize.ts), tagged too when HIGHLIGHT covers
// the field; the options are read here, where the query's terms are collected for both.
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

/** What highlights() answers: the field's value is highlighted, summarized, or both. */
export const HL: i32 = 1;
export const SUM: i32 = 2;

let on = false;
let summarizing = false;
export let openPtr: usize = 0;
export let openLen: i32 = 0;
export let closePtr: usize = 0;
export let closeLen: i32 = 0;
let currentArgv: usize = 0;
let fieldsAt: i32 = 0;
let fieldsCount: i32 = -1;
let sumFieldsAt: i32 = 0;
let sumFieldsCount: i32 = -1;
/** SUMMARIZE's FRAGS, LEN (in words) and SEPARATOR (RediSearch's defaults: 3, 20, "... "). */
export let frags: i32 = 3;
export let contextLen: i32 = 20;
export let sepPtr: usize = 0;
export let sepLen: i32 = 0;
const SEPARATOR = memory.data<u8>([46, 46, 46, 32]); // "... "
/** Terms to mark: (u32 ptr, u32 len, u32 isPrefix) each; stems are kept beside the terms they come from. */
let terms: usize = 0;
let termCount: i32 = 0;
const MAX_TERMS: i32 = 64;

/**
 * Reads HIGHLIGHT's options at argument `at` and SUMMARIZE's at `sumAt` (0: absent) and the query's
 * terms.
 */
export function highlightBegin(argc: i32, argv: usize, at: i32, sumAt: i32, root: QueryNode): void {
  on = at != 0;
  summarizing = sumAt != 0;
  if (!on && !summarizing) return;
  currentArgv = argv;
  openPtr = OPEN; openLen = 3; closePtr = CLOSE; closeLen = 4;
  fieldsCount = -1;
  if (summarizing) readSummarize(argc, argv, sumAt);
  if (on) readHighlight(argc, argv, at);
  terms = scratchAlloc(<usize>MAX_TERMS * 12);
  termCount = 0;
  collect(root);
}

function readSummarize(argc: i32, argv: usize, at: i32): void {
  sumFieldsCount = -1;
  frags = 3; contextLen = 20; sepPtr = SEPARATOR; sepLen = 4;
  for (let i = at + 1; i + 1 < argc; i += 2) {
    const p = argPtr(argv, i), l = argLen(argv, i);
    const v = argPtr(argv, i + 1), vl = argLen(argv, i + 1);
    if (isWord(p, l, "FIELDS")) {
      sumFieldsAt = i + 2;
      sumFieldsCount = <i32>parseCount(v, vl);
      i += sumFieldsCount;
    } else if (isWord(p, l, "FRAGS")) frags = <i32>parseCount(v, vl);
    else if (isWord(p, l, "LEN")) contextLen = <i32>parseCount(v, vl);
    else if (isWord(p, l, "SEPARATOR")) { sepPtr = v; sepLen = vl; }
    else break;
  }
}

function readHighlight(argc: i32, argv: usize, at: i32): void {
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

/** How the value of hash field / path `name` is shown: HL, SUM, both (HL | SUM) or as it is (0). */
export function highlights(x: Index, name: usize, nameLen: i32): i32 {
  if (!on && !summarizing) return 0;
  const f = fieldByPath(x, name, nameLen);
  if (f == null || f.type != TEXT) return 0;
  let mode = 0;
  if (on && termCount > 0 && listed(fieldsAt, fieldsCount, name, nameLen)) mode |= HL;
  if (summarizing && listed(sumFieldsAt, sumFieldsCount, name, nameLen)) mode |= SUM;
  return mode;
}

/** Whether `name` is among the `count` arguments from `at` (a count below 0: every field). */
function listed(at: i32, count: i32, name: usize, nameLen: i32): bool {
  if (count < 0) return true;
  for (let i = 0; i < count; i++) {
    const p = argPtr(currentArgv, at + i), l = argLen(currentArgv, at + i);
    if (l == nameLen && memory.compare(p, name, <usize>nameLen) == 0) return true;
  }
  return false;
}

/** Which query term the current token (tokenizer.ts) is, or an expansion of: its number, or -1. */
export function matchingTerm(): i32 {
  let stemmedDone = false;
  let sp: usize = 0, sl = 0;
  for (let i = 0; i < termCount; i++) {
    const e = terms + <usize>i * 12;
    const p = <usize>load<u32>(e), l = <i32>load<u32>(e, 4);
    if (load<u32>(e, 8) != 0) {
      if (tokLen >= l && memory.compare(tokPtr, p, <usize>l) == 0) return i;
      continue;
    }
    if (tokLen == l && memory.compare(tokPtr, p, <usize>l) == 0) return i;
    if (!stemmedDone) {
      stemmedDone = true;
      if (stem(tokPtr, tokLen)) { sp = stemPtr; sl = stemLen; }
    }
    if (sl == l && memory.compare(sp, p, <usize>l) == 0) return i;
  }
  return -1;
}

/** The value with its matching words wrapped, in `highlighted`. */
export function highlight(ptr: usize, len: i32): void {
  highlighted.reset();
  tokenizeBegin(ptr, len);
  let copied = 0;
  while (nextToken()) {
    if (matchingTerm() < 0) continue;
    highlighted.bytes(ptr + <usize>copied, tokStart - copied);
    highlighted.bytes(openPtr, openLen);
    highlighted.bytes(ptr + <usize>tokStart, tokEnd - tokStart);
    highlighted.bytes(closePtr, closeLen);
    copied = tokEnd;
  }
  highlighted.bytes(ptr + <usize>copied, len - copied);
}
