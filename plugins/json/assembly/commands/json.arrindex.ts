// JSON.ARRINDEX key path value [start [stop]]: the first index of value (JSON equality) in each array
// at path, searching [start, stop) with RedisJSON's normalization (negative from the end, stop 0 or
// absent = the end); -1 when absent, nil for a match that is no array.
import { parseIntArg, parsedI64, replyArray, replyError, replyInt, replyNull, ERR_SYNTAX } from "ferrite-sdk";
import { arrGet, count, K_ARRAY, kind, nodeEquals } from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { openMatchesOf } from "../query";
import { AS_SCRATCH, parseArg } from "../replies";

function indexIn(a: usize, v: usize, start: i64, stop: i64): i64 {
  const len = <i64>count(a);
  if (len == 0) return -1;
  const from = start < 0 ? max<i64>(0, len + start) : min<i64>(start, len - 1);
  const to = stop == 0 ? len : stop < 0 ? len + stop : min<i64>(stop, len);
  for (let i = from; i < to; i++) if (nodeEquals(arrGet(a, <i32>i), v)) return i;
  return -1;
}

export function run(argc: i32, argv: usize): void {
  if (argc > 6) { replyError(ERR_SYNTAX); return; }
  let start: i64 = 0, stop: i64 = 0;
  if (argc > 4) { if (!parseIntArg(argv, 4)) return; start = parsedI64; }
  if (argc > 5) { if (!parseIntArg(argv, 5)) return; stop = parsedI64; }
  const v = parseArg(argv, 3, AS_SCRATCH); // read only: nothing to free
  if (v == 0) return;
  if (!openMatchesOf(argc, argv, K_ARRAY, "array")) return;
  if (legacy) {
    replyInt(indexIn(matchNode(0), v, start, stop));
  } else {
    replyArray(matchCount);
    for (let i = 0; i < matchCount; i++) {
      if (kind(matchNode(i)) == K_ARRAY) replyInt(indexIn(matchNode(i), v, start, stop));
      else replyNull();
    }
  }
}
