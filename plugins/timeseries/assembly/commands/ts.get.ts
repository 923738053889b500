// TS.GET key [LATEST]: the newest sample as [timestamp, value], [] for an empty series; LATEST reports a
// compaction's open bucket when it is newer.
import { ERR_SYNTAX, argIs, argLen, argPtr, replyArityError, replyError } from "ferrite-sdk";
import { replyLast } from "../last-sample";
import { seriesArg } from "../series-key";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const latest = argc == 3;
  if (latest && !argIs(argv, 2, "LATEST")) { replyError(ERR_SYNTAX); return; }
  const s = seriesArg(argv, 1, false);
  if (!s) return;
  replyLast(s, latest, argPtr(argv, 1), argLen(argv, 1));
}
