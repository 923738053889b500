// The EXPIRE family (EXPIRE PEXPIRE EXPIREAT PEXPIREAT) differs only in unit, base time and error
// text; this is Redis's expireGenericCommand, step for step, so errors come in Redis's order.
import {
  argIs, argLen, argPtr, keyGetExpire, keySetExpire, nowMs, parseI64, parsedI64, replyError, replyErrorWithArg,
  replyInt, ERR_NOT_INTEGER,
} from "ferrite-sdk";

const NX: i32 = 1;
const XX: i32 = 2;
const GT: i32 = 4;
const LT: i32 = 8;

/** The NX/XX/GT/LT options from argument 3 on, or -1 after replying an error. */
function parseConditions(argc: i32, argv: usize): i32 {
  let flags = 0;
  for (let j = 3; j < argc; j++) {
    if (argIs(argv, j, "nx")) flags |= NX;
    else if (argIs(argv, j, "xx")) flags |= XX;
    else if (argIs(argv, j, "gt")) flags |= GT;
    else if (argIs(argv, j, "lt")) flags |= LT;
    else {
      replyErrorWithArg("ERR Unsupported option ", argPtr(argv, j), argLen(argv, j));
      return -1;
    }
  }
  if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
    replyError("ERR NX and XX, GT or LT options at the same time are not compatible");
    return -1;
  }
  if ((flags & GT) != 0 && (flags & LT) != 0) {
    replyError("ERR GT and LT options at the same time are not compatible");
    return -1;
  }
  return flags;
}

/** Whether the conditions allow replacing expiry `current` (-1: none, which GT and LT treat as infinite). */
function conditionsAllow(flags: i32, current: i64, when: i64): bool {
  if ((flags & NX) != 0 && current != -1) return false;
  if ((flags & XX) != 0 && current == -1) return false;
  if ((flags & GT) != 0 && (current == -1 || when <= current)) return false;
  if ((flags & LT) != 0 && current != -1 && when >= current) return false;
  return true;
}

/**
 * `key time [NX|XX|GT|LT]`: time in seconds or milliseconds, relative to now or absolute.
 * `invalidTime` is "ERR invalid expire time in '<command>' command".
 */
export function setExpiry(argc: i32, argv: usize, seconds: bool, relative: bool, invalidTime: string): void {
  const flags = parseConditions(argc, argv);
  if (flags < 0) return;
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) {
    replyError(ERR_NOT_INTEGER);
    return;
  }
  let when = parsedI64;
  if (seconds) {
    if (when > i64.MAX_VALUE / 1000 || when < i64.MIN_VALUE / 1000) {
      replyError(invalidTime);
      return;
    }
    when *= 1000;
  }
  const base: i64 = relative ? nowMs() : 0;
  if (when > i64.MAX_VALUE - base) {
    replyError(invalidTime);
    return;
  }
  when += base;

  const key = argPtr(argv, 1);
  const keyLen = argLen(argv, 1);
  const current = <i64>keyGetExpire(key, keyLen);
  if (current == -2 || !conditionsAllow(flags, current, when)) {
    replyInt(0);
    return;
  }
  // The host reads any negative time as "no expiry"; a time before the epoch is just as past as 0.
  keySetExpire(key, keyLen, <f64>max(when, 0));
  replyInt(1);
}
