// RedisBloom's dump of a chain: the packed header SCANDUMP returns first (and LOADCHUNK reads back),
// then the filters' bit arrays. Keeping its byte layout lets a dump taken from RedisBloom load here and
// the other way round. The same header followed by every bit array is the saved form (persistence,
// DUMP/RESTORE).

import { saveWrite } from "ferrite-sdk";
import { locateChunk } from "../chunks";
import { chainAlloc, chainCountBits, chainFilter, chainFilters, chainFree, chainGrowth, chainOptions, chainSize, OPT_ENTS_IS_BITS, OPT_FORCE64, OPT_NO_SCALING, OPT_NOROUND } from "./chain";
import { F_BITS, F_BPE, F_BYTES, F_DATA, F_ENTRIES, F_ERROR, F_HASHES, F_N2, F_SIZE, filterValid } from "./filter";

const HEADER: usize = 20; // size u64, nfilters u32, options u32, growth u32
const LINK: usize = 53; // bytes u64, bits u64, size u64, error f64, bpe f64, hashes u32, entries u64, n2 u8

export function headerLength(c: usize): usize { return HEADER + <usize>chainFilters(c) * LINK; }

/** Writes the header of c at dst (headerLength(c) bytes). */
export function writeHeader(c: usize, dst: usize): void {
  store<u64>(dst, chainSize(c));
  store<u32>(dst + 8, chainFilters(c));
  store<u32>(dst + 12, chainOptions(c));
  store<u32>(dst + 16, chainGrowth(c));
  for (let i: u32 = 0; i < chainFilters(c); i++) {
    const f = chainFilter(c, i);
    const l = dst + HEADER + <usize>i * LINK;
    store<u64>(l, load<u64>(f + F_BYTES));
    store<u64>(l + 8, load<u64>(f + F_BITS));
    store<u64>(l + 16, load<u64>(f + F_SIZE));
    store<f64>(l + 24, load<f64>(f + F_ERROR));
    store<f64>(l + 32, load<f64>(f + F_BPE));
    store<u32>(l + 40, load<u32>(f + F_HASHES));
    store<u64>(l + 44, load<u64>(f + F_ENTRIES));
    store<u8>(l + 52, <u8>load<u32>(f + F_N2));
  }
}

/**
 * SB_NewChainFromHeader: a chain whose filters are sized as the header says and zeroed, or 0 when the
 * header is malformed (RedisBloom's "received bad data"). Only 64-bit hashing is read: RedisBloom has
 * written nothing else since 2.0.
 */
export function chainFromHeader(ptr: usize, len: usize): usize {
  if (len < HEADER) return 0;
  const filters = load<u32>(ptr + 8);
  const options = load<u32>(ptr + 12);
  if (filters == 0 || filters > 1000 || len != HEADER + <usize>filters * LINK) return 0;
  if ((options & ~(OPT_NOROUND | OPT_ENTS_IS_BITS | OPT_FORCE64 | OPT_NO_SCALING)) != 0 || (options & OPT_FORCE64) == 0) return 0;
  const c = chainAlloc(filters, load<u64>(ptr), options, load<u32>(ptr + 16));
  let total: u64 = 0;
  let valid = true;
  for (let i: u32 = 0; i < filters; i++) {
    const l = ptr + HEADER + <usize>i * LINK;
    const f = chainFilter(c, i);
    store<u64>(f + F_BYTES, load<u64>(l));
    store<u64>(f + F_BITS, load<u64>(l + 8));
    store<u64>(f + F_SIZE, load<u64>(l + 16));
    store<f64>(f + F_ERROR, load<f64>(l + 24));
    store<f64>(f + F_BPE, load<f64>(l + 32));
    store<u32>(f + F_HASHES, load<u32>(l + 40));
    store<u64>(f + F_ENTRIES, load<u64>(l + 44));
    store<u32>(f + F_N2, load<u8>(l + 52));
    total += load<u64>(f + F_SIZE);
    if (!filterValid(f)) { valid = false; break; }
    const bytes = <usize>load<u64>(f + F_BYTES);
    const data = heap.alloc(bytes);
    memory.fill(data, 0, bytes);
    store<usize>(f + F_DATA, data);
    chainCountBits(c, f);
  }
  if (!valid || total != load<u64>(ptr)) {
    chainFree(c); // records past a bad one have no bits yet: their data pointer is 0, and freeing 0 is a no-op
    return 0;
  }
  return c;
}

function filterBytes(c: usize, i: u32): u64 { return load<u64>(chainFilter(c, i) + F_BYTES); }

/** The filter record holding dump position `pos`, or 0 (chunkOffset: where in its bits). */
export function filterAt(c: usize, pos: i64): usize {
  const i = locateChunk(c, chainFilters(c), filterBytes, pos);
  return i < 0 ? 0 : chainFilter(c, <u32>i);
}

export function saveChain(c: usize): void {
  const len = headerLength(c);
  const header = heap.alloc(len);
  writeHeader(c, header);
  saveWrite(<i32>header, <i32>len);
  heap.free(header);
  for (let i: u32 = 0; i < chainFilters(c); i++) {
    const f = chainFilter(c, i);
    saveWrite(<i32>load<usize>(f + F_DATA), <i32>load<u64>(f + F_BYTES));
  }
}

/** The chain saved at ptr, or 0. */
export function loadChain(ptr: usize, len: usize): usize {
  if (len < HEADER) return 0;
  const filters = <usize>load<u32>(ptr + 8);
  if (filters > 1000) return 0;
  const headerLen = HEADER + filters * LINK;
  if (len < headerLen) return 0;
  const c = chainFromHeader(ptr, headerLen);
  if (c == 0) return 0;
  let at = ptr + headerLen;
  const end = ptr + len;
  for (let i: u32 = 0; i < chainFilters(c); i++) {
    const f = chainFilter(c, i);
    const bytes = <usize>load<u64>(f + F_BYTES);
    if (end - at < bytes) { chainFree(c); return 0; }
    memory.copy(load<usize>(f + F_DATA), at, bytes);
    at += bytes;
  }
  if (at != end) { chainFree(c); return 0; }
  return c;
}
