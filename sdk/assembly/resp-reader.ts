// A cursor over a RESP2/RESP3 reply in plugin memory (what callRun returns), read one value header at a
// time without allocating: respNext() says what comes next and leaves its parts in the resp* globals
// (AssemblyScript has no out parameters, and returning a tuple would allocate).

/** Type bytes respNext returns: the RESP prefix of each value. */
export const RESP_SIMPLE: u8 = 0x2b;    // +  text in respPtr/respLen
export const RESP_ERROR: u8 = 0x2d;     // -  text in respPtr/respLen (also blob errors `!`)
export const RESP_INT: u8 = 0x3a;       // :  respInt
export const RESP_BULK: u8 = 0x24;      // $  bytes in respPtr/respLen (also verbatim `=`, without its `txt:`)
export const RESP_ARRAY: u8 = 0x2a;     // *  respCount elements follow
export const RESP_NULL: u8 = 0x5f;      // _  also RESP2's null bulk `$-1` and null array `*-1`
export const RESP_MAP: u8 = 0x25;       // %  respCount pairs (2 * respCount values) follow
export const RESP_SET: u8 = 0x7e;       // ~  respCount elements follow
export const RESP_PUSH: u8 = 0x3e;      // >  respCount elements follow
export const RESP_ATTRIBUTE: u8 = 0x7c; // |  respCount pairs, then the value they describe
export const RESP_DOUBLE: u8 = 0x2c;    // ,  its text in respPtr/respLen (parseF64 reads it)
export const RESP_BOOL: u8 = 0x23;      // #  respInt 1 or 0
export const RESP_BIG_NUMBER: u8 = 0x28; // ( its digits in respPtr/respLen
/** What respNext returns at the end of the reply or on bytes that are not RESP. */
export const RESP_END: u8 = 0;

/** Bytes of the last string-like value read (simple, error, bulk, double, big number). */
export let respPtr: usize = 0;
export let respLen: i32 = 0;
/** Value of the last integer or boolean read. */
export let respInt: i64 = 0;
/** Elements (arrays, sets, pushes) or pairs (maps, attributes) of the last aggregate header read. */
export let respCount: i32 = 0;

let cursor: usize = 0;
let end: usize = 0;

const CR: u8 = 13;
const VERBATIM_FORMAT: i32 = 4; // "txt:"

/** Points the cursor at the start of `len` bytes of RESP. */
export function respBegin(ptr: usize, len: i32): void {
  cursor = ptr;
  end = ptr + <usize>len;
}

/** True once every value has been read. */
export function respDone(): bool {
  return cursor >= end;
}

/** The signed decimal between ptr and CR: header lengths and counts, integers. */
function lineInt(ptr: usize, cr: usize): i64 {
  const negative = ptr < cr && load<u8>(ptr) == 45;
  let v: i64 = 0;
  for (let p = negative ? ptr + 1 : ptr; p < cr; p++) v = v * 10 + <i64>(load<u8>(p) - 48);
  return negative ? -v : v;
}

/**
 * Reads the header of the next value and moves past it: past the whole value for scalars, to the
 * first element for aggregates. Returns its type (RESP_*), or RESP_END.
 */
export function respNext(): u8 {
  if (cursor >= end) return RESP_END;
  const type = load<u8>(cursor);
  const line = cursor + 1;
  let cr = line;
  while (cr < end && load<u8>(cr) != CR) cr++;
  if (cr + 2 > end) return RESP_END;
  cursor = cr + 2;
  switch (type) {
    case 0x24: case 0x3d: case 0x21: { // $ = !  length-prefixed
      const n = lineInt(line, cr);
      if (n < 0) return RESP_NULL;
      if (cursor + <usize>n + 2 > end) return RESP_END;
      respPtr = cursor;
      respLen = <i32>n;
      cursor += <usize>n + 2;
      if (type == 0x3d) { respPtr += VERBATIM_FORMAT; respLen -= VERBATIM_FORMAT; return RESP_BULK; }
      return type == 0x21 ? RESP_ERROR : RESP_BULK;
    }
    case 0x2a: case 0x25: case 0x7e: case 0x3e: case 0x7c: { // * % ~ > |  aggregates
      const n = lineInt(line, cr);
      if (n < 0) return RESP_NULL;
      respCount = <i32>n;
      return type;
    }
    case 0x3a: respInt = lineInt(line, cr); return type;
    case 0x23: respInt = load<u8>(line) == 0x74 ? 1 : 0; return type; // #t / #f
    case 0x2b: case 0x2d: case 0x2c: case 0x28: // + - , (  one line of text
      respPtr = line;
      respLen = <i32>(cr - line);
      return type;
    case 0x5f: return RESP_NULL;
  }
  return RESP_END;
}

/** Skips the next value, aggregates with everything in them. False on truncated or foreign bytes. */
export function respSkip(): bool {
  let pending: i64 = 1;
  while (pending > 0) {
    const type = respNext();
    if (type == RESP_END) return false;
    pending--;
    if (type == RESP_ARRAY || type == RESP_SET || type == RESP_PUSH) pending += respCount;
    else if (type == RESP_MAP) pending += <i64>respCount << 1;
    else if (type == RESP_ATTRIBUTE) pending += (<i64>respCount << 1) + 1;
  }
  return true;
}
