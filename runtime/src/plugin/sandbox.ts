// What bounds a plugin call: a wall-clock deadline checked whenever the instrumented fuel counter runs
// out, and the error kinds a failed call turns into. Nested entries (a command whose key_set frees
// another plugin's value) share the outermost call's deadline. A script (EVAL, FCALL) has no budget, as
// in Redis: its deadline is the busy-reply threshold, and past it the server's busy listener runs at
// every check instead of the call failing (ADR 0038).

/** Fuel handed out per refill: ~1 ms of tight loop between clock checks at ≈1 ns per tick. */
export const FUEL_REFILL = 1 << 20;

export class BudgetExceeded extends Error {}
export class PluginAbort extends Error {}

/** Called past a script's threshold with performance.now(); answers the ms until it is called again. */
export type BusyListener = (now: number) => number;

/** One per server (its CallContext's): each server's calls have their own budget and deadline. */
export class Sandbox {
  private depth = 0;
  /** Outermost calls so far; the deadline belongs to the call whose number it was set in. */
  private call = 0;
  private deadlineCall = -1;
  private deadline = 0;
  private budgetMs = 1000;
  /** Set while the outermost call is a script: what runs past its threshold instead of the budget error. */
  private busy: BusyListener | null = null;
  private busyAfterMs = 0;

  setCallBudget(ms: number): void {
    this.budgetMs = ms;
  }

  /**
   * The outermost call about to run is a script: no budget; `onBusy` runs at the checks once it has
   * run `thresholdMs` (0: never, as Redis's busy-reply-threshold 0). `null` ends script mode.
   */
  runAsScript(thresholdMs: number, onBusy: BusyListener | null): void {
    this.busy = onBusy;
    this.busyAfterMs = thresholdMs > 0 ? thresholdMs : Infinity;
  }

  /**
   * Entering plugin code reads no clock (a clock read per command is measurable on the hot path): the
   * call's deadline is set at its first refuel instead, so a call may run up to one refill (≈ 1 ms) past
   * its budget before it is counted, and calls that never refuel cost nothing.
   */
  enterCall(): void {
    if (this.depth++ === 0) this.call++;
  }

  leaveCall(): void {
    this.depth--;
  }

  /** Whether the running code is a call nested in the outermost one (a plugin command a script called). */
  get nested(): boolean {
    return this.depth > 1;
  }

  /** The `ferrite.fuel` import (an arrow: the import object takes it unbound). */
  readonly refuel = (): number => {
    const now = performance.now();
    if (this.deadlineCall !== this.call) {
      this.deadlineCall = this.call;
      this.deadline = now + (this.busy ? this.busyAfterMs : this.budgetMs);
    } else if (now > this.deadline) {
      if (!this.busy) throw new BudgetExceeded(`exceeded its CPU budget of ${this.budgetMs} ms`);
      this.deadline = now + this.busy(now);
    }
    return FUEL_REFILL;
  };

  /**
   * Run `fn` as an outermost call with a budget of its own, even from inside another call (the heap check
   * after a failed call runs while the failed call's deadline is spent), then put the caller's back.
   */
  withOwnBudget<T>(fn: () => T): T {
    const { depth, call, deadlineCall, deadline, busy } = this;
    this.depth = 0;
    this.busy = null;
    this.enterCall();
    try {
      return fn();
    } finally {
      this.busy = busy;
      this.depth = depth;
      this.call = call;
      this.deadlineCall = deadlineCall;
      this.deadline = deadline;
    }
  }
}
