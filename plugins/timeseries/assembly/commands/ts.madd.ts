// TS.MADD key timestamp value [key timestamp value ...]: one reply per sample (its timestamp or its
// error), into existing series only.
import { FIND_WRITE, MISSING, WRONGTYPE, keyFindArg, nowMs, replyArray, replyArityError, replyError } from "ferrite-sdk";
import { addAndReply } from "../add";
import { ERR_BAD_TIMESTAMP, ERR_BAD_VALUE, ERR_KEY_MISSING, ERR_NEGATIVE_TIMESTAMP, ERR_NOT_TSDB } from "../errors";
import { TS_ADD } from "../events";
import { TS_NEGATIVE, TS_OK, parseTimestampArg, parseValueArg, parsedTs, parsedValue } from "../keywords";
import { DP_NONE, Series } from "../series";
import { isStar, replicateResolved } from "../replicate";

export function run(argc: i32, argv: usize): void {
  if ((argc - 1) % 3 != 0) { replyArityError(argv); return; }
  const n = (argc - 1) / 3;
  replyArray(n);
  const now = nowMs();
  for (let k = 0; k < n; k++) {
    if (isStar(argv, 2 + 3 * k)) { replicateResolved(argc, argv, 2, 3, now); break; }
  }
  for (let k = 0; k < n; k++) {
    const key = 1 + 3 * k;
    if (!parseValueArg(argv, key + 2)) { replyError(ERR_BAD_VALUE); continue; }
    const status = parseTimestampArg(argv, key + 1, now);
    if (status != TS_OK) { replyError(status == TS_NEGATIVE ? ERR_NEGATIVE_TIMESTAMP : ERR_BAD_TIMESTAMP); continue; }
    const h = keyFindArg(argv, key, 0, FIND_WRITE);
    if (h == MISSING) { replyError(ERR_KEY_MISSING); continue; }
    if (h == WRONGTYPE) { replyError(ERR_NOT_TSDB); continue; }
    if (addAndReply(changetype<Series>(<usize>h), parsedTs, parsedValue, DP_NONE)) TS_ADD.emitArg(argv, key);
  }
}
