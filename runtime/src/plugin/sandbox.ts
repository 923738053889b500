// What bounds a plugin call: a wall-clock deadline checked whenever the instrumented fuel counter runs
// out, and the error kinds a failed call turns into. Nested entries (a command whose key_set frees
// another plugin's value) share the outermost call's deadline.

/** Fuel handed out per refill: ~1 ms of tight loop between clock checks at ≈1 ns per tick. */
export const FUEL_REFILL = 1 << 20;

export class BudgetExceeded extends Error {}
export class PluginAbort extends Error {}

let depth = 0;
let deadline = 0;
let budgetMs = 1000;

export function setCallBudget(ms: number): void {
  budgetMs = ms;
}

export function callBudget(): number {
  return budgetMs;
}

export function enterCall(): void {
  if (depth++ === 0) deadline = performance.now() + budgetMs;
}

export function leaveCall(): void {
  depth--;
}

/** The `ferrite.fuel` import. */
export function refuel(): number {
  if (performance.now() > deadline) throw new BudgetExceeded(`exceeded its CPU budget of ${budgetMs} ms`);
  return FUEL_REFILL;
}
