// TEMPORARY indexes (FT.CREATE … TEMPORARY seconds): dropped once no command has named them for that
// many seconds, as in RediSearch. Naming one (findIndex) moves its deadline; one host timer, armed for
// the earliest deadline, drops what is idle when it fires and re-arms for the next. Keys stay.
import { cancelTimer, clockUs, setTimer } from "ferrite-sdk";
import { dropIndex } from "./drop";
import { Index } from "./index-spec";
import { indexAt, indexCount } from "./registry";

/** The payload of the expiry timer (the walk's timers carry 0, scan.ts). */
export const EXPIRY_PAYLOAD: u64 = 1;

let timer: f64 = 0;
let timerAt: f64 = 0;

function nowMs(): f64 { return clockUs() / 1000; }

/** A command named the index: its idle time starts again. */
export function touchIndex(x: Index): void {
  if (x.idleMs > 0) x.lastUsedMs = nowMs();
}

/** Arms the expiry timer for `x`'s deadline if it comes before the pending one (a new temporary index). */
export function armExpiry(x: Index): void {
  touchIndex(x);
  const at = x.lastUsedMs + x.idleMs;
  if (timer != 0 && timerAt <= at) return;
  if (timer != 0) cancelTimer(timer);
  timerAt = at;
  timer = setTimer(max(at - nowMs(), 0), EXPIRY_PAYLOAD);
}

/** The expiry timer fired: drops the temporary indexes idle for their seconds, re-arms for the next. */
export function expireIdle(): void {
  timer = 0;
  const now = nowMs();
  let next = Infinity;
  for (let i = indexCount() - 1; i >= 0; i--) {
    const x = indexAt(i);
    if (x.idleMs <= 0) continue;
    const deadline = x.lastUsedMs + x.idleMs;
    if (deadline <= now) dropIndex(x, false);
    else if (deadline < next) next = deadline;
  }
  if (next != Infinity) {
    timerAt = next;
    timer = setTimer(next - now, EXPIRY_PAYLOAD);
  }
}
