// One command's latency distribution, as Redis keeps it (server.c's updateCommandLatencyHistogram): an
// HdrHistogram of nanoseconds from 1 ns to 1 s at 2 significant digits, one per command, made on its
// first call. Only Redis's fixed parameters are needed, so they are constants and the index of a value
// is a few integer operations: no allocation and no loop per call (ADR 0050; the hdr-histogram-js
// library costs ~300 ns per record, this ~20 ns). INFO latencystats reads percentiles from it
// (hdr_value_at_percentile) and LATENCY HISTOGRAM its power-of-two steps (hdr_iter_log_init(h, 1024, 2)),
// both as hdr_histogram.c computes them.
import type { ReplyWriter } from "../protocol/reply-writer.js";

/** LATENCY_HISTOGRAM_MIN_VALUE and _MAX_VALUE: Redis clamps what it records to 1 ns .. 1 s. */
const MIN_NS = 1;
const MAX_NS = 1_000_000_000;
/** 2 significant digits: 256 sub-buckets per bucket (2·10² rounded up to a power of two), half of them new per bucket. */
const SUB_BUCKET_HALF_MAGNITUDE = 7;
const SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE;
const SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF - 1;
/** Buckets to cover 1 s (256 · 2^22 > 10^9), plus one: hdr_calculate_bucket_config's counts_len. */
const COUNTS = (23 + 1) * SUB_BUCKET_HALF;
/** LATENCY HISTOGRAM's first step (1024 ns) and the factor between steps. */
const FIRST_STEP = 1024;

/** The bucket of a value: 0 up to 255, then one more per doubling (get_bucket_index, values below 2^32). */
function bucketOf(value: number): number {
  return 32 - Math.clz32(value | SUB_BUCKET_MASK) - (SUB_BUCKET_HALF_MAGNITUDE + 1);
}

/** The lowest value of index `i`'s range (hdr_value_at_index). */
function valueAt(i: number): number {
  let bucket = (i >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  let sub = (i & (SUB_BUCKET_HALF - 1)) + SUB_BUCKET_HALF;
  if (bucket < 0) {
    sub -= SUB_BUCKET_HALF;
    bucket = 0;
  }
  return sub * 2 ** bucket;
}

/** The lowest value equivalent to `value` (lowest_equivalent_value). */
function lowestEquivalent(value: number): number {
  const bucket = bucketOf(value);
  return Math.floor(value / 2 ** bucket) * 2 ** bucket;
}

/** The highest value equivalent to `value` (highest_equivalent_value), for a value an index starts at. */
function highestEquivalent(value: number): number {
  return lowestEquivalent(value) + 2 ** bucketOf(value) - 1;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(COUNTS);
  /** hdr's total_count: LATENCY HISTOGRAM's `calls`. */
  calls = 0;

  /** One call that took `us` microseconds. */
  record(us: number): void {
    let ns = Math.floor(us * 1000);
    if (ns < MIN_NS) ns = MIN_NS;
    else if (ns > MAX_NS) ns = MAX_NS;
    const bucket = bucketOf(ns);
    this.counts[((bucket + 1) << SUB_BUCKET_HALF_MAGNITUDE) + (ns >>> bucket) - SUB_BUCKET_HALF]++;
    this.calls++;
  }

  /**
   * hdr_value_at_percentile (Redis 7's copy), in nanoseconds: the highest value equivalent to the one
   * that `percentile` % of the calls (at least one) reach; the lowest for 0, so p0 is the fastest call.
   */
  valueAtPercentile(percentile: number): number {
    const wanted = Math.max(Math.floor((Math.min(percentile, 100) / 100) * this.calls + 0.5), 1);
    let value = 0;
    for (let i = 0, seen = 0; i < COUNTS; i++) {
      seen += this.counts[i]!;
      if (seen >= wanted) {
        value = valueAt(i);
        break;
      }
    }
    return percentile === 0 ? lowestEquivalent(value) : highestEquivalent(value);
  }

  /**
   * Redis's fillCommandCDF: `calls`, and `histogram_usec` with each power-of-two step from 1024 ns whose
   * cumulative count grew, labelled with the highest value of the bucket the step ends in (hdr's log
   * iterator: 1, 2, 4, 8, 16, 33, 66 … µs).
   */
  write(w: ReplyWriter): void {
    w.map(2);
    w.bulkString("calls");
    w.int(this.calls);
    w.bulkString("histogram_usec");
    const steps = this.logSteps();
    w.map(steps.length / 2);
    for (const n of steps) w.int(n);
  }

  /** hdr_iter_log_init(h, 1024, 2) walked with log_iter_next: (µs, cumulative count) of each step whose count grew. */
  private logSteps(): number[] {
    const steps: number[] = [];
    let index = -1;
    let cumulative = 0;
    let value = 0;
    let highest = 0;
    let reported = 0;
    let level = FIRST_STEP;
    let levelLowest = lowestEquivalent(level);
    while (cumulative < this.calls || (index < COUNTS && valueAt(index + 1) > levelLowest)) {
      for (;;) {
        if (value >= levelLowest) {
          level *= 2;
          levelLowest = lowestEquivalent(level);
          break;
        }
        if (++index >= COUNTS) break;
        cumulative += this.counts[index]!;
        value = valueAt(index);
        highest = highestEquivalent(value);
      }
      if (cumulative > reported) steps.push(Math.floor(highest / 1000), cumulative);
      reported = cumulative;
    }
    return steps;
  }
}
