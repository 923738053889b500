// The stream's serialized form (encver 1), for save/load and COPY: the header, the live entries, then
// the groups with their consumers and PELs. Copying is serializing then loading, so there is one
// description of a stream's state to keep right.
import { bufReset, getU32, getU64, putBytes, putU32, putU64, readDone, readFail, readFrom, readOk, take } from "./bytes";
import { entryBody, entryBodyLen, entryMs, entrySeq } from "./entry";
import { Consumer, createConsumer, createGroup, Group } from "./group";
import { searchNamed } from "./named";
import { nackConsumer, nackCount, nackMs, nackSeq, nackTime, pelInsert, setNackCount, setNackTime } from "./pel";
import { cursorNext, seekForward, Stream, streamAppend, streamFree, streamNew } from "./stream";
import { vecAt, vecPtr } from "./vec";

/** Serializes s into the shared buffer (bufData/bufLen). */
export function serialize(s: Stream): void {
  bufReset();
  putU64(s.length);
  putU64(s.entriesAdded);
  putU64(s.lastMs); putU64(s.lastSeq);
  putU64(s.firstMs); putU64(s.firstSeq);
  putU64(s.maxDeletedMs); putU64(s.maxDeletedSeq);
  for (let e = seekForward(s, 0, 0); e; e = cursorNext(s)) {
    putU64(entryMs(e)); putU64(entrySeq(e));
    putBytes(entryBody(e), entryBodyLen(e));
  }
  putU32(<u32>s.groups.len);
  for (let i = 0; i < s.groups.len; i++) putGroup(changetype<Group>(vecPtr(s.groups, i)));
}

function putGroup(g: Group): void {
  putBytes(g.name, g.nameLen);
  putU64(g.lastMs); putU64(g.lastSeq);
  putU64(<u64>g.entriesRead);
  putU32(<u32>g.consumers.len);
  for (let i = 0; i < g.consumers.len; i++) {
    const c = changetype<Consumer>(vecPtr(g.consumers, i));
    putBytes(c.name, c.nameLen);
    putU64(<u64>c.seenTime); putU64(<u64>c.activeTime);
  }
  putU32(<u32>g.pel.len);
  for (let i = 0; i < g.pel.len; i++) {
    const n = vecAt(g.pel, i);
    const c = nackConsumer(n);
    putU64(nackMs(n)); putU64(nackSeq(n));
    putU64(<u64>nackTime(n)); putU64(nackCount(n));
    putU32(<u32>searchNamed(g.consumers, c.name, c.nameLen));
  }
}

/** The stream the bytes describe, or null when they are corrupt. */
export function deserialize(ptr: usize, len: i32): Stream | null {
  readFrom(ptr, len);
  const s = streamNew();
  const length = getU64();
  const entriesAdded = getU64();
  const lastMs = getU64(), lastSeq = getU64();
  const firstMs = getU64(), firstSeq = getU64();
  s.maxDeletedMs = getU64(); s.maxDeletedSeq = getU64();
  for (let i: u64 = 0; i < length && readOk; i++) {
    const ms = getU64(), seq = getU64();
    const bodyLen = <i32>getU32();
    const body = take(bodyLen);
    if (body) streamAppend(s, ms, seq, body, bodyLen);
  }
  s.entriesAdded = entriesAdded;
  s.lastMs = lastMs; s.lastSeq = lastSeq;
  s.firstMs = firstMs; s.firstSeq = firstSeq;
  const groups = getU32();
  for (let i: u32 = 0; i < groups && readOk; i++) getGroup(s);
  if (readDone()) return s;
  streamFree(s);
  return null;
}

function getGroup(s: Stream): void {
  const nameLen = <i32>getU32();
  const name = take(nameLen);
  const lastMs = getU64(), lastSeq = getU64();
  const entriesRead = <i64>getU64();
  if (!readOk) return;
  const g = createGroup(s.groups, name, nameLen, lastMs, lastSeq, entriesRead);
  if (!g) { readFail(); return; } // a duplicate name: corrupt
  const consumers = getU32();
  for (let i: u32 = 0; i < consumers && readOk; i++) {
    const len = <i32>getU32();
    const cname = take(len);
    const seen = <i64>getU64(), active = <i64>getU64();
    const c = readOk ? createConsumer(g, cname, len, seen) : null;
    if (c) c.activeTime = active;
  }
  const pending = getU32();
  for (let i: u32 = 0; i < pending && readOk; i++) {
    const ms = getU64(), seq = getU64(), time = <i64>getU64(), count = getU64();
    const owner = getU32();
    if (!readOk || owner >= <u32>g.consumers.len) { readFail(); return; }
    const n = pelInsert(g, g.pel.len, ms, seq, changetype<Consumer>(vecPtr(g.consumers, <i32>owner)));
    setNackTime(n, time);
    setNackCount(n, count);
  }
}
