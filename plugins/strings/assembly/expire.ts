// Expiry arguments shared by SET, SETEX, PSETEX and GETEX, with Redis's getExpireMillisecondsOrReply
// rules: an integer, > 0, seconds that fit in ms, and a resulting absolute time that does not overflow.

import { nowMs, parsedI64, parseIntArg, replyError } from "ferrite-sdk";

/** The absolute Unix ms computed by the last successful parseExpireAt. */
export let expireAtMs: i64 = 0;

export const UNIT_SECONDS: bool = true;
export const UNIT_MS: bool = false;

/**
 * Reads argument `i` as an expiry. `relative`: EX/PX (added to now) rather than EXAT/PXAT. On failure
 * replies the error (`invalidText` is "ERR invalid expire time in '<cmd>' command") and returns false.
 */
export function parseExpireAt(argv: usize, i: i32, seconds: bool, relative: bool, invalidText: string): bool {
  if (!parseIntArg(argv, i)) return false;
  let ms = parsedI64;
  if (ms <= 0 || (seconds && ms > i64.MAX_VALUE / 1000)) { replyError(invalidText); return false; }
  if (seconds) ms *= 1000;
  if (relative) {
    const now = nowMs();
    if (ms > i64.MAX_VALUE - now) { replyError(invalidText); return false; }
    ms += now;
  }
  expireAtMs = ms;
  return true;
}
