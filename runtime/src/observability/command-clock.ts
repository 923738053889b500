// The clock commandstats, SLOWLOG and LATENCY time commands with, read once per command instead of
// twice: within a read batch a command starts where the previous one ended (a clock read is ~75 ns,
// a pipelined SET ~1.5 µs). So a command's time also holds the parsing of its own request, which
// Redis leaves out. Whatever else runs between two commands (blocked clients served, plugin events
// delivered) resets the clock, so that its cost is not charged to the next command.

// Imported rather than the global: globalThis.performance is a lazy getter V8 cannot inline (~30 ns).
import { performance } from "node:perf_hooks";

/** EXEC runs its queued commands inside itself: two levels; more only grow the array once. */
const INITIAL_DEPTH = 4;

/**
 * One per server (its Observability's). Every time it holds is a double, and a double passed to or
 * returned from a function V8 did not inline is a new 16-byte heap number: three per command here were
 * half of what a pipelined GET allocated (ADR 0037). So the times stay in typed arrays, and what goes
 * between functions is a small integer: `start` returns the command's nesting depth, `end` takes it and
 * leaves the duration in `us[0]`.
 */
export class CommandClock {
  /** The last command's end (-1: read the clock afresh). */
  readonly stamp = new Float64Array([-1]);
  /** The start of each running command, by nesting depth. */
  private starts = new Float64Array(INITIAL_DEPTH);
  private depth = 0;
  /** The duration of the command `end` last ended, in microseconds. */
  readonly us = new Float64Array(1);

  /** The next command's start is read afresh. */
  reset(): void {
    this.stamp[0] = -1;
  }

  /** The command about to run starts: returns its depth, for `end`. */
  start(): number {
    const depth = this.depth++;
    if (depth === this.starts.length) {
      const grown = new Float64Array(depth * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const stamp = this.stamp[0]!;
    this.starts[depth] = stamp >= 0 ? stamp : performance.now();
    return depth;
  }

  /**
   * The command `start` returned `depth` for is over: its duration in microseconds goes to `us[0]`.
   * Setting the depth (rather than counting down) also heals one left behind by a command that threw.
   */
  end(depth: number): void {
    const now = (this.stamp[0] = performance.now());
    this.depth = depth;
    this.us[0] = (now - this.starts[depth]!) * 1000;
  }
}
