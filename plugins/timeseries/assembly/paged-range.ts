// A range over a series the host demoted to the warm or cold tier, read through page access (host API
// 1.2) without promoting it: the saved form (serialize.ts) is read in place, its header, then each
// chunk's header in turn, and only the chunks that overlap the range are copied in, into a transient
// series the range code reads as usual. One small read per chunk up to the range's end, the data of the
// overlapping chunks only. A saved form that does not add up gives 0: the caller then promotes the
// series and reads it as a resident one, whose load checks everything.
import { pageInfo, pageRead } from "ferrite-sdk";
import { Acc } from "./aggregate";
import { Chunk, chunkData } from "./chunk";
import { HEADER, chunkFromHeader, seriesFromHeader, usedBytes } from "./serialize";
import { Series, TS_TYPE, insertChunkSlot, seriesFree } from "./series";

const buf: usize = memory.data(128); // the header, or one chunk header
let key: usize = 0;
let keyLen: i32 = 0;
let pos: i64 = 0;
let size: i64 = 0;

/** Reads n bytes at pos into dst; false at a short read. */
function readInto(dst: usize, n: i32): bool {
  if (n < 0 || pos + <i64>n > size || pageRead(key, keyLen, TS_TYPE, pos, n, dst) != n) return false;
  pos += <i64>n;
  return true;
}

/** A u32 length at pos, or -1. */
function readLen(): i64 {
  return readInto(buf, 4) ? <i64>load<u32>(buf) : -1;
}

/** The saved length of a demoted series at key, or -1 when it is resident, missing or another type. */
export function demotedSize(k: usize, kLen: i32): i64 {
  const n = pageInfo(k, kLen, TS_TYPE);
  return n >= 0 ? <i64>n : -1;
}

/** The series at key (demoted, `saved` bytes) holding only its chunks that overlap [from, to]; 0 when unreadable. */
export function pagedSeries(k: usize, kLen: i32, saved: i64, from: i64, to: i64): Series {
  key = k;
  keyLen = kLen;
  size = saved;
  pos = 0;
  if (!readInto(buf, HEADER)) return changetype<Series>(0);
  const s = seriesFromHeader(buf);
  if (!s) return s;
  if (!fill(s, from, to)) {
    seriesFree(s);
    return changetype<Series>(0);
  }
  return s;
}

function fill(s: Series, from: i64, to: i64): bool {
  const labelsLen = readLen(); // not needed by a range: skipped
  if (labelsLen < 0) return false;
  pos += labelsLen;
  const srcLen = readLen(); // a compaction's source, which LATEST reads
  if (srcLen < 0 || srcLen > 0x3fff_ffff) return false;
  if (srcLen > 0) {
    s.srcKey = heap.alloc(<usize>srcLen);
    s.srcKeyLen = <i32>srcLen;
    if (!readInto(s.srcKey, <i32>srcLen)) return false;
  }
  const rules = readLen();
  if (rules < 0) return false;
  for (let i: i64 = 0; i < rules; i++) {
    const destLen = readLen();
    if (destLen < 0) return false;
    pos += destLen + 24 + <i64>offsetof<Acc>();
  }
  const chunks = readLen();
  if (chunks < 0) return false;
  for (let i: i64 = 0; i < chunks; i++) {
    if (!readInto(buf, <i32>offsetof<Chunk>())) return false;
    const head = changetype<Chunk>(buf);
    const used = <i64>usedBytes(head);
    if (head.startTs > to) break; // chunks are in time order
    if (head.endTs < from) {
      pos += used;
      continue;
    }
    const c = chunkFromHeader(buf, s.encoding);
    if (!c) return false;
    insertChunkSlot(s, s.chunkCount, c); // owned by the series from here, freed with it
    if (!readInto(chunkData(c), <i32>used)) return false;
  }
  return true;
}
