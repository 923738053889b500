// The newest sample as TS.GET and TS.MGET reply it.
import { replyArray } from "ferrite-sdk";
import { latestTs, latestValue, openBucket } from "./latest";
import { replySample } from "./range";
import { Series } from "./series";

/** The newest sample (or the open bucket with LATEST), as TS.GET and TS.MGET reply it. */
export function replyLast(s: Series, latest: bool, key: usize, keyLen: i32): void {
  if (latest && openBucket(s, key, keyLen) && (s.totalSamples == 0 || latestTs > s.lastTs)) replySample(latestTs, latestValue);
  else if (s.totalSamples == 0) replyArray(0);
  else replySample(s.lastTs, s.lastValue);
}
