// The per-command HdrHistogram against values worked out by hand from hdr_histogram.c at Redis's
// parameters (1 ns .. 1 s, 2 significant digits): 1 µs lands in the bucket [1000, 1003] ns and 1 ms in
// [999424, 1003519] ns (the `p50=1.003` and `p50=1003.519` Redis users see), values are clamped to
// 1 ns .. 1 s, and LATENCY HISTOGRAM's steps are the log iterator's from 1024 ns.
import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "../../../runtime/src/command/latency-histogram.js";
import { ReplyWriter } from "../../../runtime/src/protocol/reply-writer.js";

function histogramOf(us: number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of us) h.record(v);
  return h;
}

describe("percentiles (hdr_value_at_percentile)", () => {
  // 98 calls of 1 µs, one of 1 ms, one of 10 s (recorded as 1 s).
  const h = histogramOf([...Array<number>(98).fill(1), 1000, 10_000_000]);

  it("gives the highest value equivalent to the one the percentile reaches", () => {
    expect(h.valueAtPercentile(50)).toBe(1003);
    expect(h.valueAtPercentile(98)).toBe(1003);
    expect(h.valueAtPercentile(99)).toBe(1_003_519);
    expect(h.valueAtPercentile(99.9)).toBe(1_002_438_655); // 1 s's bucket: 998244352 + 2^22 - 1
    expect(h.valueAtPercentile(100)).toBe(1_002_438_655);
  });

  it("gives the lowest value equivalent to the fastest call for 0", () => {
    expect(h.valueAtPercentile(0)).toBe(1000);
    expect(histogramOf([6]).valueAtPercentile(0)).toBe(5984); // redis-server 7.0.15: p0=5.984 for a 6 µs SET
    expect(histogramOf([6]).valueAtPercentile(50)).toBe(6015); // and p50=6.015
  });

  it("is exact to the nanosecond below 256 ns and clamps below 1 ns", () => {
    expect(histogramOf([0.2]).valueAtPercentile(50)).toBe(200);
    expect(histogramOf([0]).valueAtPercentile(50)).toBe(1);
    expect(histogramOf([0.5]).valueAtPercentile(50)).toBe(501); // [500, 501]: 2 ns per sub-bucket from 256
  });

  it("counts every call", () => {
    expect(h.calls).toBe(100);
  });
});

describe("LATENCY HISTOGRAM's steps (hdr_iter_log_init(h, 1024, 2))", () => {
  function steps(h: LatencyHistogram): string {
    const w = new ReplyWriter();
    h.write(w);
    return w.take().toString("latin1").replace(/\r\n/g, " ");
  }

  it("labels each step that gained calls with its bucket's highest value in µs, counts cumulative", () => {
    const h = histogramOf([...Array<number>(98).fill(1), 1000, 10_000_000]);
    // Steps 1 (≤ 1031 ns), 1056 (the step at 2^20 ns, ≤ 1056767 ns) and the last bucket's 1073741 µs.
    expect(steps(h)).toBe("*4 $5 calls :100 $14 histogram_usec *6 :1 :98 :1056 :99 :1073741 :100 ");
  });

  it("puts a call between two steps in the next one", () => {
    expect(steps(histogramOf([1.5, 3]))).toBe("*4 $5 calls :2 $14 histogram_usec *4 :2 :1 :4 :2 ");
  });
});
