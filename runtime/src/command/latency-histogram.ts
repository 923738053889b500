// One command's latency distribution for LATENCY HISTOGRAM: Redis keeps an HdrHistogram per command (in
// nanoseconds, 2 significant digits) and replies with its power-of-two steps from 1024 ns. Only those
// steps are ever shown, so they are all that is counted here: one counter per step, no allocation per
// call. A step's label is what Redis prints for it, the step's highest equivalent value in HdrHistogram
// at 2 significant digits (1024 · 2^k · 129/128 − 1 ns) in whole microseconds: 1, 2, 4, 8, 16, 33, 66 …
import type { ReplyWriter } from "../protocol/reply-writer.js";

/** 2^40 × 1024 ns is over 13 days: no command runs longer. */
const STEPS = 40;
/** Highest value (ns) of the first step; each next step's is 2 × it + 1. */
const FIRST_STEP_TOP = 1031;

export class LatencyHistogram {
  private readonly counts = new Float64Array(STEPS);
  calls = 0;

  record(us: number): void {
    const ns = us * 1000;
    let step = 0;
    for (let top = FIRST_STEP_TOP; ns > top && step < STEPS - 1; top = top * 2 + 1) step++;
    this.counts[step]++;
    this.calls++;
  }

  reset(): void {
    this.counts.fill(0);
    this.calls = 0;
  }

  /** Redis's fillCommandCDF: `calls` and `histogram_usec`, each step that holds calls with the cumulative count up to it. */
  write(w: ReplyWriter): void {
    w.map(2);
    w.bulkString("calls");
    w.int(this.calls);
    w.bulkString("histogram_usec");
    let steps = 0;
    for (let i = 0; i < STEPS; i++) if (this.counts[i] > 0) steps++;
    w.map(steps);
    let cumulative = 0;
    for (let i = 0, top = FIRST_STEP_TOP; i < STEPS; i++, top = top * 2 + 1) {
      if (this.counts[i] === 0) continue;
      cumulative += this.counts[i];
      w.int(Math.floor(top / 1000));
      w.int(cumulative);
    }
  }
}
