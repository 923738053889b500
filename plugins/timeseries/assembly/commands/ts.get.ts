// TS.GET key [LATEST]: the newest sample as [timestamp, value], [] for an empty series; LATEST reports a
// compaction's open bucket when it is newer.
import { argIs, argLen, argPtr, replyArityError, replyError } from "ferrite-sdk";
import { ERR_GET_THIRD } from "../errors";
import { replyLast } from "../last-sample";
import { seriesArg } from "../series-key";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const latest = argc == 3;
  const s = seriesArg(argv, 1, false); // the key is checked first, as in RedisTimeSeries's TSDB_get
  if (!s) return;
  if (latest && !argIs(argv, 2, "LATEST")) { replyError(ERR_GET_THIRD); return; }
  replyLast(s, latest, argPtr(argv, 1), argLen(argv, 1));
}
