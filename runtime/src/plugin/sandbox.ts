// What bounds a plugin call: a wall-clock deadline checked whenever the instrumented fuel counter runs
// out, and the error kinds a failed call turns into. Nested entries (a command whose key_set frees
// another plugin's value) share the outermost call's deadline.

/** Fuel handed out per refill: ~1 ms of tight loop between clock checks at ≈1 ns per tick. */
export const FUEL_REFILL = 1 << 20;

export class BudgetExceeded extends Error {}
export class PluginAbort extends Error {}

let depth = 0;
/** Outermost calls so far; the deadline belongs to the call whose number it was set in. */
let call = 0;
let deadlineCall = -1;
let deadline = 0;
let budgetMs = 1000;

export function setCallBudget(ms: number): void {
  budgetMs = ms;
}

/**
 * Entering plugin code reads no clock (a clock read per command is measurable on the hot path): the
 * call's deadline is set at its first refuel instead, so a call may run up to one refill (≈ 1 ms) past
 * its budget before it is counted, and calls that never refuel cost nothing.
 */
export function enterCall(): void {
  if (depth++ === 0) call++;
}

export function leaveCall(): void {
  depth--;
}

/** The `ferrite.fuel` import. */
export function refuel(): number {
  const now = performance.now();
  if (deadlineCall !== call) {
    deadlineCall = call;
    deadline = now + budgetMs;
  } else if (now > deadline) {
    throw new BudgetExceeded(`exceeded its CPU budget of ${budgetMs} ms`);
  }
  return FUEL_REFILL;
}

/**
 * Run `fn` as an outermost call with a budget of its own, even from inside another call (the heap check
 * after a failed call runs while the failed call's deadline is spent), then put the caller's back.
 */
export function withOwnBudget<T>(fn: () => T): T {
  const saved = { depth, call, deadlineCall, deadline };
  depth = 0;
  enterCall();
  try {
    return fn();
  } finally {
    ({ depth, call, deadlineCall, deadline } = saved);
  }
}
