// RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]
// Checks come in Redis's order: options, existing key, TTL, payload.
import {
  ANY_TYPE, ERR_NOT_INTEGER, ERR_SYNTAX, FIND_NOTOUCH, FIND_WRITE, RESTORE_ABSTTL, RESTORE_REPLACE, STATUS_BADPAYLOAD,
  STATUS_EXISTS, argIs, keySetAccess, argLen, argPtr, keyFind, keyRestore, parseI64, parsedI64, replyError, replyOk,
} from "ferrite-sdk";
import { ERR_BAD_PAYLOAD, ERR_BUSYKEY } from "../errors";

export function run(argc: i32, argv: usize): void {
  let flags = 0;
  // Either may repeat (the last one counts), but Redis refuses one after the other.
  let idle: f64 = -1;
  let freq: i32 = -1;
  let idleGiven = false;
  let freqGiven = false;
  for (let j = 4; j < argc; j++) {
    const hasValue = j + 1 < argc;
    if (argIs(argv, j, "replace")) {
      flags |= RESTORE_REPLACE;
    } else if (argIs(argv, j, "absttl")) {
      flags |= RESTORE_ABSTTL;
    } else if (argIs(argv, j, "idletime") && hasValue && !freqGiven) {
      j++;
      if (!parseI64(argPtr(argv, j), argLen(argv, j))) {
        replyError(ERR_NOT_INTEGER);
        return;
      }
      if (parsedI64 < 0) {
        replyError("ERR Invalid IDLETIME value, must be >= 0");
        return;
      }
      idleGiven = true;
      idle = <f64>parsedI64;
    } else if (argIs(argv, j, "freq") && hasValue && !idleGiven) {
      j++;
      if (!parseI64(argPtr(argv, j), argLen(argv, j))) {
        replyError(ERR_NOT_INTEGER);
        return;
      }
      if (parsedI64 < 0 || parsedI64 > 255) {
        replyError("ERR Invalid FREQ value, must be >= 0 and <= 255");
        return;
      }
      freqGiven = true;
      freq = <i32>parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  const key = argPtr(argv, 1);
  const keyLen = argLen(argv, 1);
  if ((flags & RESTORE_REPLACE) == 0 && keyFind(key, keyLen, ANY_TYPE, FIND_WRITE | FIND_NOTOUCH) >= 0) {
    replyError(ERR_BUSYKEY);
    return;
  }
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) {
    replyError(ERR_NOT_INTEGER);
    return;
  }
  if (parsedI64 < 0) {
    replyError("ERR Invalid TTL value, must be >= 0");
    return;
  }
  const restored = keyRestore(key, keyLen, argPtr(argv, 3), argLen(argv, 3), parsedI64, flags);
  if (restored == STATUS_BADPAYLOAD) replyError(ERR_BAD_PAYLOAD);
  else if (restored == STATUS_EXISTS) replyError(ERR_BUSYKEY);
  else {
    if (idleGiven || freqGiven) keySetAccess(key, keyLen, idle, freq);
    replyOk();
  }
}
