// LMPOP's and ZMPOP's arguments (and BLMPOP's and BZMPOP's, the same after a timeout):
//   numkeys key [key ...] LEFT|RIGHT (MIN|MAX) [COUNT count]
// parsed in Redis's order, with its texts; the blocking forms read their timeout last, as Redis does.

import { argIs } from "../args";
import { parseTimeoutArg } from "../blocking";
import { ERR_SYNTAX } from "../errors";
import { parseCount, parseNumkeys } from "../number-args";
import { parsedI64 } from "../numbers";
import { replyError } from "../reply";

/** After parseMpopArgs: the keys are arguments mpopFirstKey .. mpopLastKey. */
export let mpopFirstKey: i32 = 0;
export let mpopLastKey: i32 = 0;
/** True when the second keyword (RIGHT, MAX) was given, false for the first (LEFT, MIN). */
export let mpopSecondEnd: bool = false;
/** COUNT, 1 without it. */
export let mpopCount: i64 = 1;

/**
 * numkeys is argument `numkeysArg` (1; 2 for the blocking forms, whose timeout is argument 1, read into
 * parsedTimeoutMs when `blocking`). `first` and `second` are the two end keywords ("LEFT", "RIGHT"). False once the
 * error is replied.
 */
export function parseMpopArgs(argc: i32, argv: usize, numkeysArg: i32, first: string, second: string, blocking: bool): bool {
  const numkeys = parseNumkeys(argc, argv, numkeysArg, 1);
  if (numkeys == 0) return false;
  mpopFirstKey = numkeysArg + 1;
  mpopLastKey = numkeysArg + numkeys;
  const endArg = mpopLastKey + 1;
  mpopSecondEnd = argIs(argv, endArg, second);
  if (!mpopSecondEnd && !argIs(argv, endArg, first)) { replyError(ERR_SYNTAX); return false; }
  let count: i64 = -1;
  for (let i = endArg + 1; i < argc; i++) {
    if (count == -1 && i + 1 < argc && argIs(argv, i, "COUNT")) {
      if (!parseCount(argv, ++i, 1, "ERR count should be greater than 0")) return false;
      count = parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  mpopCount = count == -1 ? 1 : count;
  return !blocking || parseTimeoutArg(argv, 1);
}
