// The saved form of a series (persistence, DUMP/RESTORE, tiering), little-endian:
//   header: i64 totalSamples, lastTs, f64 lastValue, i64 retention, ignoreMaxTimeDiff, f64 ignoreMaxValDiff,
//           i32 chunkSize, encoding, dupPolicy
//   u32 len + labels blob, u32 len + source key
//   u32 rules, each: u32 len + destination, i64 bucket, align, i32 agg, open, then the Acc's bytes
//   u32 chunks, each: the Chunk header, then its used data bytes (whole words)
// Chunks are written as they are in memory, so a save is a copy and a load re-creates them without
// re-encoding a sample.
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { Acc } from "./aggregate";
import { Chunk, ENC_UNCOMPRESSED, chunkData, chunkNew } from "./chunk";
import { labelsSize } from "./labels";
import { Rule, addRule, ruleDest, ruleNew } from "./rules";
import { Series, insertChunkSlot, replaceBlock, seriesChunk, seriesFree, seriesNew } from "./series";

/** Bytes of the saved form's fixed header. */
export const HEADER = 60;
const field: usize = memory.data(64);

function putU32(v: u32): void {
  store<u32>(field, v);
  saveWrite(<i32>field, 4);
}

function putBlock(ptr: usize, len: i32): void {
  putU32(<u32>len);
  if (len > 0) saveWrite(<i32>ptr, len);
}

/** Data bytes of a chunk that hold samples. */
export function usedBytes(c: Chunk): u32 {
  return c.encoding == <u8>ENC_UNCOMPRESSED ? c.used : ((c.used + 63) >> 6) << 3;
}

export function saveSeries(s: Series): void {
  store<i64>(field, s.totalSamples);
  store<i64>(field, s.lastTs, 8);
  store<f64>(field, s.lastValue, 16);
  store<i64>(field, s.retention, 24);
  store<i64>(field, s.ignoreMaxTimeDiff, 32);
  store<f64>(field, s.ignoreMaxValDiff, 40);
  store<i32>(field, s.chunkSize, 48);
  store<i32>(field, s.encoding, 52);
  store<i32>(field, s.dupPolicy, 56);
  saveWrite(<i32>field, HEADER);
  putBlock(s.labels, s.labelsLen);
  putBlock(s.srcKey, s.srcKeyLen);
  let rules = 0;
  for (let r = s.rules; r; r = changetype<Rule>(r).next) rules++;
  putU32(<u32>rules);
  for (let r = s.rules; r; r = changetype<Rule>(r).next) {
    const rule = changetype<Rule>(r);
    putBlock(ruleDest(rule), rule.destLen);
    store<i64>(field, rule.bucket);
    store<i64>(field, rule.align, 8);
    store<i32>(field, rule.agg, 16);
    store<i32>(field, rule.open, 20);
    saveWrite(<i32>field, 24);
    saveWrite(<i32>changetype<usize>(rule.acc), <i32>offsetof<Acc>());
  }
  putU32(<u32>s.chunkCount);
  for (let i = 0; i < s.chunkCount; i++) {
    const c = seriesChunk(s, i);
    saveWrite(<i32>changetype<usize>(c), <i32>offsetof<Chunk>());
    saveWrite(<i32>chunkData(c), <i32>usedBytes(c));
  }
}

// The reader over a payload: every read is bounds-checked; a short or inconsistent payload fails the load.
let at: usize = 0;
let end: usize = 0;
let ok = true;

function take(n: usize): usize {
  if (at + n > end) { ok = false; return 0; }
  const p = at;
  at += n;
  return p;
}

function takeU32(): u32 { const p = take(4); return p ? load<u32>(p) : 0; }

/** A series (no labels, rules or chunks yet) from the saved header at h, or 0 when it does not add up. */
export function seriesFromHeader(h: usize): Series {
  const chunkSize = load<i32>(h, 48), encoding = load<i32>(h, 52), dupPolicy = load<i32>(h, 56);
  if (chunkSize < 48 || chunkSize > 1048576 || (encoding != 0 && encoding != 1) || dupPolicy < -1 || dupPolicy > 5) return changetype<Series>(0);
  const s = seriesNew(load<i64>(h, 24), chunkSize, encoding, dupPolicy);
  s.totalSamples = load<i64>(h);
  s.lastTs = load<i64>(h, 8);
  s.lastValue = load<f64>(h, 16);
  s.ignoreMaxTimeDiff = load<i64>(h, 32);
  s.ignoreMaxValDiff = load<f64>(h, 40);
  return s;
}

/** A chunk, its data not yet filled in, from the saved chunk header at head; 0 when it does not add up. */
export function chunkFromHeader(head: usize, encoding: i32): Chunk {
  const saved = changetype<Chunk>(head);
  const capacity = saved.capacity;
  if (usedBytes(saved) > capacity || saved.encoding != <u8>encoding || (capacity & 7) != 0 || capacity > 0x3fff_fff8) return changetype<Chunk>(0);
  const c = chunkNew(encoding, capacity);
  memory.copy(changetype<usize>(c), head, offsetof<Chunk>());
  return c;
}

export function loadSeries(ptr: usize, len: i32): f64 {
  at = ptr;
  end = ptr + <usize>len;
  ok = true;
  const h = take(HEADER);
  if (!ok) return LOAD_FAILED;
  const s = seriesFromHeader(h);
  if (!s) return LOAD_FAILED;
  const encoding = s.encoding;
  const labelsLen = <i32>takeU32();
  const labels = take(<usize>labelsLen);
  if (ok && labelsLen > 0) {
    if (labelsLen < 4 || labelsSize(labels) != labelsLen) { seriesFree(s); return LOAD_FAILED; }
    s.labels = replaceBlock(s, 0, 0, labels, labelsLen);
    s.labelsLen = labelsLen;
  }
  const srcLen = <i32>takeU32();
  const src = take(<usize>srcLen);
  if (ok && srcLen > 0) {
    s.srcKey = replaceBlock(s, 0, 0, src, srcLen);
    s.srcKeyLen = srcLen;
  }
  const rules = takeU32();
  for (let i: u32 = 0; i < rules && ok; i++) {
    const destLen = <i32>takeU32();
    const dest = take(<usize>destLen);
    const f = take(24);
    const acc = take(offsetof<Acc>());
    if (!ok) break;
    const agg = load<i32>(f, 16);
    if (agg < 0 || agg > 14 || load<i64>(f) <= 0) { ok = false; break; }
    const rule = ruleNew(dest, destLen, agg, load<i64>(f), load<i64>(f, 8));
    rule.open = load<i32>(f, 20);
    memory.copy(changetype<usize>(rule.acc), acc, offsetof<Acc>());
    addRule(s, rule);
  }
  const chunks = takeU32();
  for (let i: u32 = 0; i < chunks && ok; i++) {
    const head = take(offsetof<Chunk>());
    if (!ok) break;
    const c = chunkFromHeader(head, encoding);
    if (!c) { ok = false; break; }
    const used = usedBytes(c);
    const data = take(<usize>used);
    if (!ok) { heap.free(changetype<usize>(c)); break; }
    memory.copy(chunkData(c), data, <usize>used);
    insertChunkSlot(s, s.chunkCount, c);
  }
  if (!ok || at != end) { seriesFree(s); return LOAD_FAILED; }
  return <f64>changetype<usize>(s);
}

/** An independent copy (COPY): samples, settings and labels; a copy is no compaction's source or destination. */
export function copySeries(s: Series): Series {
  const c = seriesNew(s.retention, s.chunkSize, s.encoding, s.dupPolicy);
  c.totalSamples = s.totalSamples;
  c.lastTs = s.lastTs;
  c.lastValue = s.lastValue;
  c.ignoreMaxTimeDiff = s.ignoreMaxTimeDiff;
  c.ignoreMaxValDiff = s.ignoreMaxValDiff;
  c.labels = replaceBlock(c, 0, 0, s.labels, s.labelsLen);
  c.labelsLen = s.labelsLen;
  for (let i = 0; i < s.chunkCount; i++) {
    const from = seriesChunk(s, i);
    const size = offsetof<Chunk>() + <usize>from.capacity;
    const to = heap.alloc(size);
    memory.copy(to, changetype<usize>(from), size);
    insertChunkSlot(c, i, changetype<Chunk>(to));
  }
  return c;
}

