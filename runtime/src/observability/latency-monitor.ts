// LATENCY's event time series, as Redis's latency.c keeps them: per event, one sample per second (the
// worst of that second), the last 160 seconds with a sample, and the worst ever. Events are recorded
// only when they reach latency-monitor-threshold (milliseconds; 0 disables the monitor).
const HISTORY = 160;

export interface LatencySample {
  /** Unix time in seconds. */
  time: number;
  ms: number;
}

export class LatencySeries {
  /** Ring of samples; `next` is where the following second's sample goes. */
  readonly samples: LatencySample[] = [];
  private next = 0;
  max = 0;

  add(time: number, ms: number): void {
    if (ms > this.max) this.max = ms;
    const prev = this.samples[(this.next + HISTORY - 1) % HISTORY];
    if (prev && prev.time === time) {
      if (ms > prev.ms) prev.ms = ms;
      return;
    }
    this.samples[this.next] = { time, ms };
    this.next = (this.next + 1) % HISTORY;
  }

  /** Samples from the oldest to the latest. */
  history(): LatencySample[] {
    const out: LatencySample[] = [];
    for (let j = 0; j < HISTORY; j++) {
      const s = this.samples[(this.next + j) % HISTORY];
      if (s) out.push(s);
    }
    return out;
  }

  latest(): LatencySample {
    return this.samples[(this.next + HISTORY - 1) % HISTORY];
  }
}

export class LatencyMonitor {
  /** Insertion-ordered, like the order LATENCY LATEST and DOCTOR list events in. */
  readonly events = new Map<string, LatencySeries>();
  thresholdMs = 0;

  /** Redis's latencyAddSampleIfNeeded. */
  addIfNeeded(event: string, ms: number): void {
    if (this.thresholdMs === 0 || ms < this.thresholdMs) return;
    let series = this.events.get(event);
    if (!series) this.events.set(event, (series = new LatencySeries()));
    series.add(Math.floor(Date.now() / 1000), ms);
  }

  /** Forgets one event (case-insensitively, as Redis) or, without a name, every event; returns how many. */
  reset(event?: string): number {
    let resets = 0;
    for (const name of [...this.events.keys()]) {
      if (event !== undefined && name.toLowerCase() !== event.toLowerCase()) continue;
      this.events.delete(name);
      resets++;
    }
    return resets;
  }
}
