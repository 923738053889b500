// What bounds a plugin call: a wall-clock deadline checked whenever the instrumented fuel counter runs
// out, and the error kinds a failed call turns into. Nested entries (a command whose key_set frees
// another plugin's value) share the outermost call's deadline.

/** Fuel handed out per refill: ~1 ms of tight loop between clock checks at ≈1 ns per tick. */
export const FUEL_REFILL = 1 << 20;

export class BudgetExceeded extends Error {}
export class PluginAbort extends Error {}

/** One per server (its CallContext's): each server's calls have their own budget and deadline. */
export class Sandbox {
  private depth = 0;
  /** Outermost calls so far; the deadline belongs to the call whose number it was set in. */
  private call = 0;
  private deadlineCall = -1;
  private deadline = 0;
  private budgetMs = 1000;

  setCallBudget(ms: number): void {
    this.budgetMs = ms;
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

  /** The `ferrite.fuel` import (an arrow: the import object takes it unbound). */
  readonly refuel = (): number => {
    const now = performance.now();
    if (this.deadlineCall !== this.call) {
      this.deadlineCall = this.call;
      this.deadline = now + this.budgetMs;
    } else if (now > this.deadline) {
      throw new BudgetExceeded(`exceeded its CPU budget of ${this.budgetMs} ms`);
    }
    return FUEL_REFILL;
  };

  /**
   * Run `fn` as an outermost call with a budget of its own, even from inside another call (the heap check
   * after a failed call runs while the failed call's deadline is spent), then put the caller's back.
   */
  withOwnBudget<T>(fn: () => T): T {
    const { depth, call, deadlineCall, deadline } = this;
    this.depth = 0;
    this.enterCall();
    try {
      return fn();
    } finally {
      this.depth = depth;
      this.call = call;
      this.deadlineCall = deadlineCall;
      this.deadline = deadline;
    }
  }
}
