// GROUPBY label REDUCE reducer: the matching series grouped by their value of the label (series without
// it left out), groups in value order; each group's ranges merged and reduced per timestamp into one
// series named `label=value`, with the labels label, __reducer__ and __source__ (its keys, comma-joined).
import { argLen, argPtr, bytesEqual, compareBytes, protocol, replyArray, replyBulk, replyMap, replySimple } from "ferrite-sdk";
import { Acc, accAdd, accNew, accReset, accValue, aggLower } from "./aggregate";
import { findLabel, valueLen, valuePtr } from "./labels";
import { groupByArg, reducer } from "./multi-args";
import { matchCount, matchKey, matchKeyLen, matchSeries } from "./query";
import { rangeCollect, replySamples } from "./range";
import { Samples, sampleTs, sampleValue, samplesAppend, samplesNew, samplesPush, samplesSortByTs } from "./scratch";
import { replyEntryLabels } from "./reply-labels";

let groupOf: usize = 0; // i32 per match: its group, -1 when it lacks the label
let groupFirst: usize = 0; // i32 per group: its first match (the one whose value names it)
let groupCap: i32 = 0;
let groupCount: i32 = 0;
const one: Samples = samplesNew();
const merged: Samples = samplesNew();
const reduced: Samples = samplesNew();
const reduceAcc: Acc = accNew();
let blob: usize = 0; // the group's labels, built per group
let blobCap: i32 = 0;

function labelOf(i: i32, argv: usize): usize {
  return findLabel(matchSeries(i).labels, argPtr(argv, groupByArg), argLen(argv, groupByArg));
}

/** Assigns every match to a group, groups ordered by label value. */
export function reduceGroups(argv: usize): void {
  if (matchCount > groupCap) {
    groupCap = matchCount;
    if (groupOf) { heap.free(groupOf); heap.free(groupFirst); }
    groupOf = heap.alloc(<usize>groupCap << 2);
    groupFirst = heap.alloc(<usize>groupCap << 2);
  }
  for (let i = 0; i < matchCount; i++) store<i32>(groupOf + (<usize>i << 2), labelOf(i, argv) ? -2 : -1);
  groupCount = 0;
  while (true) {
    let best = -1;
    for (let i = 0; i < matchCount; i++) {
      if (load<i32>(groupOf + (<usize>i << 2)) != -2) continue;
      if (best < 0 || valueLess(i, best, argv)) best = i;
    }
    if (best < 0) break;
    const bl = labelOf(best, argv);
    for (let i = 0; i < matchCount; i++) {
      if (load<i32>(groupOf + (<usize>i << 2)) != -2) continue;
      const l = labelOf(i, argv);
      if (bytesEqual(valuePtr(l), valueLen(l), valuePtr(bl), valueLen(bl))) store<i32>(groupOf + (<usize>i << 2), groupCount);
    }
    store<i32>(groupFirst + (<usize>groupCount << 2), best);
    groupCount++;
  }
}

function valueLess(a: i32, b: i32, argv: usize): bool {
  const la = labelOf(a, argv), lb = labelOf(b, argv);
  return compareBytes(valuePtr(la), valueLen(la), valuePtr(lb), valueLen(lb)) < 0;
}

export function replyGroups(argv: usize, reverse: bool): void {
  const resp3 = protocol() == 3;
  if (resp3) replyMap(groupCount); else replyArray(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const label = labelOf(load<i32>(groupFirst + (<usize>g << 2)), argv);
    const name = buildBlob(g, argv, label);
    if (!resp3) replyArray(3);
    replyBulk(name, argLen(argv, groupByArg) + 1 + valueLen(label));
    if (resp3) {
      replyArray(4);
      store<u32>(blob, 1); // RESP3 shows the group label only
      replyEntryLabels(blob, argv);
      store<u32>(blob, 3);
      replyMap(1);
      replySimple("reducers");
      replyArray(1);
      replySimple(aggLower(reducer));
      replyMap(1);
      replySimple("sources");
      replySources(g);
    } else {
      replyEntryLabels(blob, argv);
    }
    reduceGroup(g);
    replySamples(reduced, reverse);
  }
}

function replySources(g: i32): void {
  let n = 0;
  for (let i = 0; i < matchCount; i++) if (load<i32>(groupOf + (<usize>i << 2)) == g) n++;
  replyArray(n);
  for (let i = 0; i < matchCount; i++) if (load<i32>(groupOf + (<usize>i << 2)) == g) replyBulk(matchKey(i), matchKeyLen(i));
}

function reduceGroup(g: i32): void {
  merged.len = 0;
  for (let i = 0; i < matchCount; i++) {
    if (load<i32>(groupOf + (<usize>i << 2)) != g) continue;
    rangeCollect(matchSeries(i), matchKey(i), matchKeyLen(i), one);
    samplesAppend(merged, one);
  }
  samplesSortByTs(merged);
  reduced.len = 0;
  let k = 0;
  while (k < merged.len) {
    const ts = sampleTs(merged, k);
    accReset(reduceAcc, ts, ts);
    while (k < merged.len && sampleTs(merged, k) == ts) accAdd(reduceAcc, ts, sampleValue(merged, k++));
    samplesPush(reduced, ts, accValue(reduceAcc, reducer, false, 0, 0));
  }
}

/**
 * The group's labels blob: [label, value], [__reducer__, name], [__source__, k1,k2…], followed by the
 * group's name `label=value`, whose address it returns.
 */
function buildBlob(g: i32, argv: usize, label: usize): usize {
  const nameLen = argLen(argv, groupByArg), vLen = valueLen(label);
  const reducerName = aggLower(reducer);
  let sources = 0;
  for (let i = 0; i < matchCount; i++) if (load<i32>(groupOf + (<usize>i << 2)) == g) sources += matchKeyLen(i) + 1;
  const size = 4 + 8 + nameLen + vLen + 8 + 11 + reducerName.length + 8 + 10 + sources + nameLen + 1 + vLen;
  if (size > blobCap) {
    if (blob) heap.free(blob);
    blobCap = size * 2;
    blob = heap.alloc(<usize>blobCap);
  }
  store<u32>(blob, 3);
  let at = putItem(blob + 4, argPtr(argv, groupByArg), nameLen);
  at = putItem(at, valuePtr(label), vLen);
  at = putText(putText(at, "__reducer__"), reducerName);
  at = putText(at, "__source__");
  const lenAt = at;
  at += 4;
  let first = true;
  for (let i = 0; i < matchCount; i++) {
    if (load<i32>(groupOf + (<usize>i << 2)) != g) continue;
    if (!first) store<u8>(at++, 44);
    first = false;
    memory.copy(at, matchKey(i), <usize>matchKeyLen(i));
    at += <usize>matchKeyLen(i);
  }
  store<u32>(lenAt, <u32>(at - lenAt - 4));
  const name = at;
  memory.copy(name, argPtr(argv, groupByArg), <usize>nameLen);
  store<u8>(name + <usize>nameLen, 61);
  memory.copy(name + <usize>nameLen + 1, valuePtr(label), <usize>vLen);
  return name;
}

function putItem(at: usize, ptr: usize, len: i32): usize {
  store<u32>(at, <u32>len);
  memory.copy(at + 4, ptr, <usize>len);
  return at + 4 + <usize>len;
}

function putText(at: usize, text: string): usize {
  store<u32>(at, <u32>text.length);
  for (let i = 0; i < text.length; i++) store<u8>(at + 4 + <usize>i, <u8>text.charCodeAt(i));
  return at + 4 + <usize>text.length;
}
