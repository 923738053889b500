// Redis's instantaneous metrics (instantaneous_ops_per_sec, instantaneous_input_kbps…): every 100 ms
// the growth of a counter is turned into a per-second rate, and the metric is the mean of the last 16
// rates (STATS_METRIC_SAMPLES), so it follows the load of the last 1.6 seconds.
const SAMPLES = 16;

export class InstantaneousMetric {
  private readonly rates = new Float64Array(SAMPLES);
  private next = 0;
  private lastAt = 0;
  private lastValue = 0;

  sample(value: number, nowMs: number): void {
    if (this.lastAt > 0 && nowMs > this.lastAt) {
      this.rates[this.next] = ((value - this.lastValue) * 1000) / (nowMs - this.lastAt);
      this.next = (this.next + 1) % SAMPLES;
    }
    this.lastAt = nowMs;
    this.lastValue = value;
  }

  /** Mean rate per second over the samples. */
  rate(): number {
    let sum = 0;
    for (const r of this.rates) sum += r;
    return sum / SAMPLES;
  }

  reset(): void {
    this.rates.fill(0);
    this.lastAt = 0;
  }
}
