// A query's TIMEOUT (FT.SEARCH's and FT.AGGREGATE's argument, else FT.CONFIG's TIMEOUT; 0: none), on the
// host's monotonic clock_us. The executor asks at each query node and every 1024 steps of its long
// loops; once past the deadline every part not yet evaluated matches nothing, so what was found so far
// is the result. ON_TIMEOUT RETURN replies it (RESP3 with the warning); FAIL replies the error instead.
import { clockUs } from "ferrite-sdk";
import { configIs, configNumber } from "../ft-config/options";

export const ERR_TIMEOUT = "Timeout limit was reached";

let deadlineUs: f64 = 0;
let ticks: u32 = 0;
/** Whether the query in progress ran past its deadline. */
export let timedOut = false;

/** Starts a query's clock: `timeoutMs` from the command, or -1 for FT.CONFIG's TIMEOUT. */
export function deadlineStart(timeoutMs: i64): void {
  timedOut = false;
  ticks = 0;
  const ms = timeoutMs >= 0 ? timeoutMs : configNumber("TIMEOUT");
  deadlineUs = ms > 0 ? clockUs() + <f64>ms * 1000 : 0;
}

export function pastDeadline(): bool {
  if (timedOut) return true;
  if (deadlineUs == 0) return false;
  if (clockUs() > deadlineUs) timedOut = true;
  return timedOut;
}

/** pastDeadline for a long loop's steps: the clock is read every 1024th. */
export function pastDeadlineSoon(): bool {
  if (timedOut) return true;
  if ((++ticks & 1023) != 0) return false;
  return pastDeadline();
}

/** A timed-out query replies the error (ON_TIMEOUT FAIL) rather than what it found. */
export function timeoutFails(): bool { return timedOut && configIs("ON_TIMEOUT", "fail"); }
