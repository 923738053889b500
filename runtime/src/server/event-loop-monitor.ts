// The longest event-loop stall the server has had since start or the last CONFIG RESETSTAT: a GC pause
// or a long command shows up here and nowhere a client can see it separately from its own noise.
// Reported as INFO stats `eventloop_max_delay_ms`; bench/macro/stall.ts holds it to ≤ 10 ms. The
// latency monitor also takes the worst stall of each second as its `event-loop-stall` event.
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface EventLoopMonitor {
  /** Worst delay in milliseconds (0 before the first sample). */
  maxMs(): number;
  /** Worst delay since the previous call (or start), in milliseconds. */
  takeWindowMaxMs(): number;
  reset(): void;
  /** Sampling ends (the server closed). */
  stop(): void;
}

export function startEventLoopMonitor(): EventLoopMonitor {
  // 1 ms, the finest sampling Node allows: a stall near the 10 ms goal is then seen to within a millisecond.
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // The histogram restarts with every window; the worst of the windows already taken is kept here.
  let earlierMax = 0;
  return {
    maxMs: () => Math.max(earlierMax, histogram.max / 1e6),
    takeWindowMaxMs() {
      const max = histogram.max / 1e6;
      earlierMax = Math.max(earlierMax, max);
      histogram.reset();
      return max;
    },
    reset() {
      histogram.reset();
      earlierMax = 0;
    },
    stop: () => histogram.disable(),
  };
}
