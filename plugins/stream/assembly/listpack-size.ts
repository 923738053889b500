// What an entry would take in Redis's listpack node, so that stream-node-max-bytes closes a block where
// Redis closes its node: `~` trimming removes whole nodes, and the suite and users count entries by them.
// Our own entry layout (entry.ts) is larger and simpler; only this measure follows Redis's encoding
// (streamAppendItem's entries over listpack.c's element sizes).
import { parsedI64, parseI64 } from "ferrite-sdk";

/** lpNew's header and end byte, then the master entry's fixed integers: count 1, deleted 0, terminator 0. */
const NODE_FIXED: i32 = 7 + 2 + 2 + 2;
/** STREAM_ITEM_FLAG_SAMEFIELDS: the entry's fields are the master entry's, so only values are stored. */
const SAME_FIELDS: i64 = 2;

/** An element's encoding and data, plus the back-length bytes after them. */
function element(size: i32): i32 {
  return size + (size <= 127 ? 1 : size < 16383 ? 2 : size < 2097151 ? 3 : size < 268435455 ? 4 : 5);
}

function integer(v: i64): i32 {
  if (v >= 0 && v <= 127) return element(1);
  if (v >= -4096 && v <= 4095) return element(2);
  if (v >= -32768 && v <= 32767) return element(3);
  if (v >= -8388608 && v <= 8388607) return element(4);
  if (v >= -2147483648 && v <= 2147483647) return element(5);
  return element(9);
}

/** lpAppend's element for bytes: an integer when they read as one (string2ll), else a string. */
function bytes(ptr: usize, len: i32): i32 {
  if (len <= 20 && parseI64(ptr, len)) return integer(parsedI64);
  return element(len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len);
}

// Entry bodies (entry.ts): [u32 count][u32 len, bytes]*count, fields and values alternating.
function fieldCount(body: usize): i32 { return <i32>load<u32>(body) >> 1; }

/** Whether the body's fields are the master's (the block's first entry's), in order. */
function sameFields(body: usize, master: usize): bool {
  if (fieldCount(body) != fieldCount(master)) return false;
  let a = body + 4, b = master + 4;
  for (let i = 0; i < fieldCount(body); i++) {
    const la = load<u32>(a), lb = load<u32>(b);
    if (la != lb || memory.compare(a + 4, b + 4, <usize>la) != 0) return false;
    a += 4 + <usize>la;
    b += 4 + <usize>la;
    a += 4 + <usize>load<u32>(a); // the values are not compared
    b += 4 + <usize>load<u32>(b);
  }
  return true;
}

/** The raw bytes of the body's fields and values: Redis's totelelen, added to the node's size before deciding. */
export function rawBytes(body: usize): i64 {
  let total: i64 = 0, p = body + 4;
  for (let i = 0, n = <i32>load<u32>(body); i < n; i++) {
    total += <i64>load<u32>(p);
    p += 4 + <usize>load<u32>(p);
  }
  return total;
}

/** A new node's bytes before its first entry: the header and the master entry (the body's field names). */
export function nodeBytes(body: usize): i32 {
  let total = NODE_FIXED + integer(fieldCount(body)), p = body + 4;
  for (let i = 0, n = fieldCount(body); i < n; i++) {
    total += bytes(p + 4, <i32>load<u32>(p));
    p += 4 + <usize>load<u32>(p);
    p += 4 + <usize>load<u32>(p);
  }
  return total;
}

/** The entry's bytes in a node whose master entry is the body `master` and master ID masterMs-masterSeq. */
export function entryBytes(body: usize, ms: u64, seq: u64, master: usize, masterMs: u64, masterSeq: u64): i32 {
  const same = sameFields(body, master);
  const n = fieldCount(body);
  let total = integer(same ? SAME_FIELDS : 0) + integer(<i64>(ms - masterMs)) + integer(<i64>(seq - masterSeq));
  let p = body + 4;
  for (let i = 0; i < n; i++) {
    if (!same) total += bytes(p + 4, <i32>load<u32>(p));
    p += 4 + <usize>load<u32>(p);
    total += bytes(p + 4, <i32>load<u32>(p));
    p += 4 + <usize>load<u32>(p);
  }
  // num-fields when the fields are stored, then lp-count: the elements before it, for reverse walks.
  if (!same) total += integer(n);
  return total + integer(same ? n + 3 : 2 * n + 4);
}
