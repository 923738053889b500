// A database index argument, as Redis reads one (getIntFromObjectOrReply, then selectDb's range check).
import { ERR_NOT_INTEGER, argLen, argPtr, dbCount, parseI64, parsedI64, replyError } from "ferrite-sdk";
import { ERR_DB_RANGE } from "./errors";

/**
 * The index in argument `i`, or -1 after replying an error. The range is checked here rather than left
 * to the host's BADDB because Redis checks it while reading the options: COPY a b DB 99 FOO is a range
 * error, not a syntax error.
 */
export function parseDbIndex(argv: usize, i: i32): i32 {
  if (!parseI64(argPtr(argv, i), argLen(argv, i))) {
    replyError(ERR_NOT_INTEGER);
    return -1;
  }
  if (parsedI64 != <i64><i32>parsedI64) {
    // Redis's wording, "must between" included.
    replyError("ERR value is out of range, value must between -2147483648 and 2147483647");
    return -1;
  }
  if (parsedI64 < 0 || parsedI64 >= dbCount()) {
    replyError(ERR_DB_RANGE);
    return -1;
  }
  return <i32>parsedI64;
}
