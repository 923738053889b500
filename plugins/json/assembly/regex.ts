// The `=~` of JSONPath filters: a small regular-expression matcher over bytes, searching anywhere in
// the subject as Rust's Regex::is_match does. Supported: literals, `.`, classes `[a-z]` / `[^…]`,
// `\d \w \s` (and their capitals), `^ $`, groups `( )`, `|`, and the quantifiers `* + ?` (greedy, or
// lazy with a `?` after them), and a leading `(?i)` for ASCII case-insensitivity. The pattern compiles
// into a static program (relative jumps, so a quantifier can be put in front of the code it repeats)
// run by a backtracking machine with a step budget: a pathological pattern fails instead of hanging.
const OP_CHAR: i32 = 1;
const OP_ANY: i32 = 2;
const OP_CLASS: i32 = 3;
const OP_BOL: i32 = 4;
const OP_EOL: i32 = 5;
const OP_SPLIT: i32 = 6; // try pc+a first, then pc+b
const OP_JMP: i32 = 7;
const OP_MATCH: i32 = 8;

const MAX_INSTRUCTIONS: i32 = 4096;
const MAX_CLASSES: i32 = 256;
const program = memory.data(MAX_INSTRUCTIONS * 12);
const classes = memory.data(MAX_CLASSES * 32);
const STEP_BUDGET: i32 = 1000000;

let pc: i32 = 0; // instructions emitted
let classCount: i32 = 0;
let pat: usize = 0;
let patLen: i32 = 0;
let pi: i32 = 0;
let broken: bool = false;
let nocase: bool = false;

function ins(i: i32): usize { return program + <usize>i * 12; }

function emit(op: i32, a: i32, b: i32): void {
  if (pc >= MAX_INSTRUCTIONS) { broken = true; return; }
  store<i32>(ins(pc), op);
  store<i32>(ins(pc) + 4, a);
  store<i32>(ins(pc) + 8, b);
  pc++;
}

/** Opens a gap of one instruction at `at` (the code after it moves down; relative jumps stay right). */
function insertAt(at: i32, op: i32, a: i32, b: i32): void {
  if (pc >= MAX_INSTRUCTIONS) { broken = true; return; }
  memory.copy(ins(at + 1), ins(at), <usize>(pc - at) * 12);
  pc++;
  store<i32>(ins(at), op);
  store<i32>(ins(at) + 4, a);
  store<i32>(ins(at) + 8, b);
}

function pc_(): i32 { return pi < patLen ? <i32>load<u8>(pat + <usize>pi) : -1; }

function compileAlt(): void {
  const start = pc;
  compileConcat();
  while (pc_() == 0x7c) {
    pi++;
    const firstLen = pc - start;
    insertAt(start, OP_SPLIT, 1, firstLen + 2);
    const jmpAt = pc;
    emit(OP_JMP, 0, 0);
    compileConcat();
    store<i32>(ins(jmpAt) + 4, pc - jmpAt);
  }
}

function compileConcat(): void {
  while (pi < patLen && pc_() != 0x7c && pc_() != 0x29) compileRepeat();
}

function compileRepeat(): void {
  const start = pc;
  compileAtom();
  while (true) {
    const q = pc_();
    if (q != 0x2a && q != 0x2b && q != 0x3f) return;
    pi++;
    const lazy = pc_() == 0x3f;
    if (lazy) pi++;
    const len = pc - start;
    if (q == 0x2a) { // L: split body, out; body; jmp L
      insertAt(start, OP_SPLIT, lazy ? len + 2 : 1, lazy ? 1 : len + 2);
      emit(OP_JMP, -(len + 1), 0);
    } else if (q == 0x2b) { // body; split body, out
      emit(OP_SPLIT, lazy ? 1 : -len, lazy ? -len : 1);
    } else { // split body, out; body
      insertAt(start, OP_SPLIT, lazy ? len + 1 : 1, lazy ? 1 : len + 1);
    }
  }
}

function newClass(): usize {
  if (classCount >= MAX_CLASSES) { broken = true; return classes; }
  const cls = classes + <usize>classCount * 32;
  memory.fill(cls, 0, 32);
  return cls;
}

function setBit(cls: usize, ch: i32): void {
  const at = cls + <usize>(ch >> 3);
  store<u8>(at, <u8>(<i32>load<u8>(at) | (1 << (ch & 7))));
}

function classSet(cls: usize, ch: i32): void {
  setBit(cls, ch);
  if (nocase && ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a)) {
    setBit(cls, ch ^ 0x20);
  }
}

/** Adds the class of escape letter `e` (\d \w \s and capitals) to `cls`; false if `e` names none. */
function addEscapeClass(cls: usize, e: i32): bool {
  const lower = e | 0x20;
  if (lower != 0x64 && lower != 0x77 && lower != 0x73) return false;
  const negate = e < 0x61;
  for (let ch = 0; ch < 256; ch++) {
    let inside = false;
    if (lower == 0x64) inside = ch >= 0x30 && ch <= 0x39;
    else if (lower == 0x77) inside = (ch >= 0x30 && ch <= 0x39) || ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a) || ch == 0x5f;
    else inside = ch == 0x20 || (ch >= 9 && ch <= 13);
    if (inside != negate) classSet(cls, ch);
  }
  return true;
}

function escapeByte(e: i32): i32 {
  if (e == 0x6e) return 10;
  if (e == 0x74) return 9;
  if (e == 0x72) return 13;
  return e;
}

function compileAtom(): void {
  const ch = pc_();
  pi++;
  if (ch == 0x28) {
    if (pc_() == 0x3f && pi + 1 < patLen && load<u8>(pat + <usize>pi + 1) == 0x3a) pi += 2; // (?:…)
    compileAlt();
    if (pc_() != 0x29) { broken = true; return; }
    pi++;
    return;
  }
  if (ch == 0x2e) { emit(OP_ANY, 0, 0); return; }
  if (ch == 0x5e) { emit(OP_BOL, 0, 0); return; }
  if (ch == 0x24) { emit(OP_EOL, 0, 0); return; }
  if (ch == 0x5b) { compileClass(); return; }
  if (ch == 0x2a || ch == 0x2b || ch == 0x3f) { broken = true; return; }
  if (ch == 0x5c) {
    const e = pc_();
    pi++;
    if (e < 0) { broken = true; return; }
    const cls = newClass();
    if (addEscapeClass(cls, e)) { emit(OP_CLASS, classCount++, 0); return; }
    emitChar(escapeByte(e));
    return;
  }
  emitChar(ch);
}

function emitChar(ch: i32): void {
  if (nocase && (ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a) {
    const cls = newClass();
    classSet(cls, ch);
    emit(OP_CLASS, classCount++, 0);
    return;
  }
  emit(OP_CHAR, ch, 0);
}

function compileClass(): void {
  const cls = newClass();
  let negate = false;
  if (pc_() == 0x5e) { negate = true; pi++; }
  let first = true;
  while (pi < patLen && (pc_() != 0x5d || first)) {
    first = false;
    let lo = pc_();
    pi++;
    if (lo == 0x5c) {
      const e = pc_();
      pi++;
      if (addEscapeClass(cls, e)) continue;
      lo = escapeByte(e);
    }
    let hi = lo;
    if (pc_() == 0x2d && pi + 1 < patLen && load<u8>(pat + <usize>pi + 1) != 0x5d) {
      pi++;
      hi = pc_();
      pi++;
      if (hi == 0x5c) { hi = escapeByte(pc_()); pi++; }
    }
    for (let x = lo; x <= hi; x++) classSet(cls, x);
  }
  if (pc_() != 0x5d) { broken = true; return; }
  pi++;
  if (negate) for (let i = 0; i < 32; i++) store<u8>(cls + <usize>i, ~load<u8>(cls + <usize>i));
  emit(OP_CLASS, classCount++, 0);
}

let subject: usize = 0;
let subjectLen: i32 = 0;
let steps: i32 = 0;

function run(start: i32, at: i32): bool {
  let i = start;
  let s = at;
  while (true) {
    if (++steps > STEP_BUDGET) return false;
    const op = load<i32>(ins(i));
    const a = load<i32>(ins(i) + 4);
    if (op == OP_MATCH) return true;
    if (op == OP_CHAR) {
      if (s >= subjectLen || <i32>load<u8>(subject + <usize>s) != a) return false;
      s++; i++;
    } else if (op == OP_ANY) {
      if (s >= subjectLen || load<u8>(subject + <usize>s) == 10) return false;
      s++; i++;
    } else if (op == OP_CLASS) {
      if (s >= subjectLen) return false;
      const ch = <i32>load<u8>(subject + <usize>s);
      if ((load<u8>(classes + <usize>a * 32 + <usize>(ch >> 3)) & (1 << (ch & 7))) == 0) return false;
      s++; i++;
    } else if (op == OP_BOL) {
      if (s != 0) return false;
      i++;
    } else if (op == OP_EOL) {
      if (s != subjectLen) return false;
      i++;
    } else if (op == OP_JMP) {
      i += a;
    } else {
      if (run(i + a, s)) return true;
      i += load<i32>(ins(i) + 8);
    }
  }
}

/** Whether `pattern` matches somewhere in `str`; an invalid pattern matches nothing. */
export function regexMatch(str: usize, len: i32, pattern: usize, patternLen: i32): bool {
  pat = pattern;
  patLen = patternLen;
  pi = 0;
  pc = 0;
  classCount = 0;
  broken = false;
  nocase = false;
  if (patLen >= 4 && load<u32>(pat) == 0x29693f28) { nocase = true; pi = 4; } // "(?i)"
  compileAlt();
  if (broken || pi != patLen) return false;
  emit(OP_MATCH, 0, 0);
  if (broken) return false;
  subject = str;
  subjectLen = len;
  steps = 0;
  for (let at = 0; at <= len; at++) if (run(0, at)) return true;
  return false;
}
