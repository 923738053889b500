// TS.INFO key [DEBUG]: RedisTimeSeries 1.12's fields in its order (node-redis reads ignoreMaxValDiff by
// position), a map in RESP3; DEBUG adds keySelfName and each chunk's figures.
import { argIs, argLen, argPtr, protocol, replyArray, replyBulk, replyDouble, replyInt, replyMap, replyNull, replySimple } from "ferrite-sdk";
import { aggUpper } from "../aggregate";
import { ENC_UNCOMPRESSED, readNext, readStart, readTs } from "../chunk";
import { replyLabels } from "../labels";
import { Rule, ruleDest } from "../rules";
import { Series, minValidTs, seriesChunk } from "../series";
import { seriesArg } from "../series-key";

const POLICIES: StaticArray<string> = ["block", "first", "last", "min", "max", "sum"];

export function run(argc: i32, argv: usize): void {
  const s = seriesArg(argv, 1, false);
  if (!s) return;
  const debug = argc > 2 && argIs(argv, 2, "DEBUG");
  const pairs = debug ? 16 : 14;
  if (protocol() == 3) replyMap(pairs); else replyArray(pairs * 2);
  const min = minValidTs(s);
  const expired = expiredSamples(s, min);
  replySimple("totalSamples");
  replyInt(s.totalSamples - expired);
  replySimple("memoryUsage");
  replyInt(s.bytes);
  replySimple("firstTimestamp");
  replyInt(firstTimestamp(s, min));
  replySimple("lastTimestamp");
  replyInt(s.totalSamples > 0 ? s.lastTs : 0);
  replySimple("retentionTime");
  replyInt(s.retention);
  replySimple("chunkCount");
  replyInt(s.chunkCount);
  replySimple("chunkSize");
  replyInt(s.chunkSize);
  replySimple("chunkType");
  replySimple(s.encoding == ENC_UNCOMPRESSED ? "uncompressed" : "compressed");
  replySimple("duplicatePolicy");
  if (s.dupPolicy >= 0) replySimple(POLICIES[s.dupPolicy]); else replyNull();
  replySimple("labels");
  replyLabels(s.labels);
  replySimple("sourceKey");
  if (s.srcKey) replyBulk(s.srcKey, s.srcKeyLen); else replyNull();
  replySimple("rules");
  replyRules(s);
  replySimple("ignoreMaxTimeDiff");
  replyInt(s.ignoreMaxTimeDiff);
  replySimple("ignoreMaxValDiff");
  replyDouble(s.ignoreMaxValDiff);
  if (!debug) return;
  replySimple("keySelfName");
  replyBulk(argPtr(argv, 1), argLen(argv, 1));
  replySimple("Chunks");
  replyChunks(s);
}

function replyRules(s: Series): void {
  let n = 0;
  for (let r = s.rules; r; r = changetype<Rule>(r).next) n++;
  // RESP3: a map from the destination to [bucket, aggregator, alignment]; RESP2: [destination, …] arrays.
  const resp3 = protocol() == 3;
  if (resp3) replyMap(n); else replyArray(n);
  for (let r = s.rules; r; r = changetype<Rule>(r).next) {
    const rule = changetype<Rule>(r);
    if (!resp3) replyArray(4);
    replyBulk(ruleDest(rule), rule.destLen);
    if (resp3) replyArray(3);
    replyInt(rule.bucket);
    replySimple(aggUpper(rule.agg));
    replyInt(rule.align);
  }
}

function replyChunks(s: Series): void {
  replyArray(s.chunkCount);
  for (let i = 0; i < s.chunkCount; i++) {
    const c = seriesChunk(s, i);
    const resp3 = protocol() == 3;
    if (resp3) replyMap(5); else replyArray(10);
    replySimple("startTimestamp");
    replyInt(c.count > 0 ? c.startTs : -1);
    replySimple("endTimestamp");
    replyInt(c.count > 0 ? c.endTs : -1);
    replySimple("samples");
    replyInt(c.count);
    replySimple("size");
    replyInt(c.capacity);
    replySimple("bytesPerSample");
    // RedisTimeSeries divides in single precision: (float)size / samples.
    replyDouble(c.count > 0 ? <f64>(<f32>c.capacity / <f32>c.count) : 0);
  }
}

/** Samples of the first chunk that retention has passed but that stay until their chunk goes. */
function expiredSamples(s: Series, min: i64): i64 {
  if (min == 0 || s.chunkCount == 0) return 0;
  let n: i64 = 0;
  readStart(seriesChunk(s, 0));
  while (readNext() && readTs < min) n++;
  return n;
}

function firstTimestamp(s: Series, min: i64): i64 {
  if (s.chunkCount == 0) return 0;
  readStart(seriesChunk(s, 0));
  while (readNext()) if (readTs >= min) return readTs;
  return s.chunkCount > 1 ? seriesChunk(s, 1).startTs : 0;
}
