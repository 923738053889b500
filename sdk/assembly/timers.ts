// Timers (host API 1.7): run the plugin's export `ferrite_timer(id: f64, payload: u64): void` once,
// later, on the server's event loop, as a call of its own (no client: replies go nowhere). For work too
// long for one command, done in slices that each re-arm the next:
//   export function ferrite_timer(_id: f64, cursor: u64): void { const next = indexSome(cursor); if (next) setTimer(0, next); }
// A plugin that calls these declares "abi": "1.7" in plugin.json and exports ferrite_timer.
import { timer_cancel, timer_create } from "./host.generated";

/**
 * Runs ferrite_timer(id, payload) `delayMs` ms from now (0: on the next turn of the event loop), in the
 * database current now. Returns the timer's id (>= 1) for cancelTimer.
 */
export function setTimer(delayMs: f64, payload: u64): f64 { return timer_create(delayMs, <i64>payload); }

/** Cancels a pending timer of this plugin's; false when it already ran or was cancelled. */
export function cancelTimer(id: f64): bool { return timer_cancel(id) == 1; }
