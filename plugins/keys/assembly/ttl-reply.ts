// TTL, PTTL, EXPIRETIME and PEXPIRETIME: one answer from the key's absolute expiry, in Redis's
// conventions (-2 no key, -1 no expiry, seconds rounded to the nearest).
import { argLen, argPtr, keyGetExpire, nowMs, replyInt } from "ferrite-sdk";

export function replyTtl(argv: usize, milliseconds: bool, absolute: bool): void {
  const at = <i64>keyGetExpire(argPtr(argv, 1), argLen(argv, 1));
  if (at < 0) {
    replyInt(at);
    return;
  }
  const ttl = max(absolute ? at : at - nowMs(), 0);
  replyInt(milliseconds ? ttl : (ttl + 500) / 1000);
}
