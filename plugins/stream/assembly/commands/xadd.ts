// XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]
import { argLen, argPtr, keyFindArg, keySet, nowMs, replyArityError, replyError, replyNull, replyWrongType, signalKeyReady, FIND_WRITE } from "ferrite-sdk";
import { compareIds, idMs, idSeq, incrId, replyId, setId } from "../id";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { Stream, streamAppend, streamFree, streamNew, STREAM_TYPE } from "../stream";
import { streamTrim } from "../trim";
import {
  addIdGiven, addMs, addSeq, addSeqGiven, noMkStream, parseTrimArgs, trimStrategy, TRIM_NONE,
} from "../trim-args";

import { XADD, XTRIM } from "../events";
export function run(argc: i32, argv: usize): void {
  const idPos = parseTrimArgs(argc, argv, true);
  if (idPos < 0) return;
  const fieldPos = idPos + 1;
  if (argc - fieldPos < 2 || (argc - fieldPos) % 2 == 1) {
    replyArityError(argv);
    return;
  }
  if (addIdGiven && addSeqGiven && addMs == 0 && addSeq == 0) {
    replyError("ERR The ID specified in XADD must be greater than 0-0");
    return;
  }
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING && noMkStream) { replyNull(); return; }
  const created = h == MISSING;
  const s = created ? streamNew() : asStream(h);
  if (s.lastMs == u64.MAX_VALUE && s.lastSeq == u64.MAX_VALUE) {
    replyError("ERR The stream has exhausted the last possible ID, unable to add more items");
    return;
  }
  if (!nextId(s)) {
    if (created) streamFree(s);
    replyError("ERR The ID specified in XADD is equal or smaller than the target stream top item");
    return;
  }
  append(s, argc, argv, fieldPos);
  replyId(s.lastMs, s.lastSeq);
  const trimmed = trimStrategy != TRIM_NONE ? streamTrim(s) : 0;
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  // keySet wakes readers blocked on a new key; an existing one changed in place.
  if (created) keySet(key, keyLen, STREAM_TYPE, <f64>changetype<usize>(s));
  else signalKeyReady(key, keyLen);
  XADD.emit(key, keyLen);
  if (trimmed > 0) XTRIM.emit(key, keyLen);
}

/** The new entry's ID into idMs/idSeq, as Redis's streamAppendItem picks it; false when not above the top. */
function nextId(s: Stream): bool {
  if (!addIdGiven) {
    const now = <u64>nowMs();
    if (now > s.lastMs) { setId(now, 0); return true; }
    setId(s.lastMs, s.lastSeq);
    return incrId();
  }
  setId(addMs, addSeq);
  if (!addSeqGiven && addMs == s.lastMs) {
    if (s.lastSeq == u64.MAX_VALUE) return false;
    setId(addMs, s.lastSeq + 1);
  }
  return compareIds(idMs, idSeq, s.lastMs, s.lastSeq) > 0;
}

// The new entry's body, laid out (entry.ts) before the stream picks its block: the choice depends on its
// fields. Reused, grown as needed.
let body: usize = 0;
let bodyCap: i32 = 0;

/** Copies the field/value arguments into a new entry with ID idMs-idSeq. */
function append(s: Stream, argc: i32, argv: usize, fieldPos: i32): void {
  let bodyLen = 4;
  for (let i = fieldPos; i < argc; i++) bodyLen += 4 + argLen(argv, i);
  if (bodyLen > bodyCap) {
    if (body) heap.free(body);
    bodyCap = bodyLen < 256 ? 256 : bodyLen;
    body = heap.alloc(<usize>bodyCap);
  }
  store<u32>(body, <u32>(argc - fieldPos));
  let p = body + 4;
  for (let i = fieldPos; i < argc; i++) {
    const len = argLen(argv, i);
    store<u32>(p, <u32>len);
    memory.copy(p + 4, argPtr(argv, i), <usize>len);
    p += 4 + <usize>len;
  }
  streamAppend(s, idMs, idSeq, body, bodyLen);
}
