// Integer arguments as Redis's commands read them, replying Redis's error when one is refused: every
// helper returns false (or 0) once the error is replied, so a handler just returns.

import { argLen, argPtr } from "./args";
import { ERR_NOT_INTEGER, ERR_SYNTAX } from "./errors";
import { parseI64, parsedI64 } from "./numbers";
import { replyError } from "./reply";

/** LMPOP's, ZMPOP's and SINTERCARD's text for a numkeys that is not a positive integer. */
export const ERR_NUMKEYS = "ERR numkeys should be greater than 0";

/** An integer argument into parsedI64 (getLongLongFromObjectOrReply); false once ERR_NOT_INTEGER is replied. */
export function parseIntArg(argv: usize, i: i32): bool {
  if (parseI64(argPtr(argv, i), argLen(argv, i))) return true;
  replyError(ERR_NOT_INTEGER);
  return false;
}

/**
 * A count argument that must be at least `min`, into parsedI64; false once `error` is replied. Redis
 * answers junk with the same text as a count out of range ("ERR count should be greater than 0").
 */
export function parseCount(argv: usize, i: i32, min: i64, error: string): bool {
  if (parseI64(argPtr(argv, i), argLen(argv, i)) && parsedI64 >= min) return true;
  replyError(error);
  return false;
}

/**
 * The numkeys in argument i, followed by that many keys and at least `after` more arguments: the keys
 * are arguments i+1 .. i+numkeys. Refusals: ERR_NUMKEYS for junk or less than 1, then `tooMany` when
 * the keys would not fit (ERR_SYNTAX for LMPOP, whose LEFT|RIGHT must follow; SINTERCARD has its own
 * text). Returns numkeys, or 0 once the error is replied.
 */
export function parseNumkeys(argc: i32, argv: usize, i: i32, after: i32, tooMany: string = ERR_SYNTAX): i32 {
  if (!parseCount(argv, i, 1, ERR_NUMKEYS)) return 0;
  // numkeys may be anything up to LLONG_MAX: compare without adding to it.
  if (parsedI64 > <i64>(argc - i - 1 - after)) { replyError(tooMany); return 0; }
  return <i32>parsedI64;
}

/** After parseStartStop: the two indexes, as given (negative ones count from the end). */
export let parsedStart: i64 = 0;
export let parsedStop: i64 = 0;

/** An index range in arguments i and i+1 (LRANGE, LTRIM, GETRANGE, ZREMRANGEBYRANK); false once the error is replied. */
export function parseStartStop(argv: usize, i: i32): bool {
  if (!parseIntArg(argv, i)) return false;
  parsedStart = parsedI64;
  if (!parseIntArg(argv, i + 1)) return false;
  parsedStop = parsedI64;
  return true;
}
