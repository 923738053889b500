// The clock commandstats, SLOWLOG and LATENCY time commands with, read once per command instead of
// twice: within a read batch a command starts where the previous one ended (a clock read is ~75 ns,
// a pipelined SET ~1.5 µs). So a command's time also holds the parsing of its own request, which
// Redis leaves out. Whatever else runs between two commands (blocked clients served, plugin events
// delivered) resets the clock, so that its cost is not charged to the next command.

// Imported rather than the global: globalThis.performance is a lazy getter V8 cannot inline (~30 ns).
import { performance } from "node:perf_hooks";

/** One per server (its Observability's). */
export class CommandClock {
  /** The last command's end; in a typed array because a double in an object field is a new heap number per store. */
  private readonly stamp = new Float64Array([-1]);

  /** The next command's start is read afresh. */
  reset(): void {
    this.stamp[0] = -1;
  }

  /** When the command about to run starts, in performance.now() milliseconds. */
  start(): number {
    const stamp = this.stamp[0];
    return stamp >= 0 ? stamp : performance.now();
  }

  /** The command that started at `start` is over: its duration in microseconds. */
  end(start: number): number {
    const now = (this.stamp[0] = performance.now());
    return (now - start) * 1000;
  }
}
