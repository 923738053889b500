// SINTERCARD numkeys key [key ...] [LIMIT limit]: the intersection's size, counting stops at LIMIT (0: no
// limit). Arguments are checked before any key, with Redis's texts.
import { argIs, parseCount, parsedI64, parseNumkeys, replyError, replyInt, ERR_SYNTAX } from "ferrite-sdk";
import { COUNT, loadSources, walkIntersection } from "../algebra";

export function run(argc: i32, argv: usize): void {
  const keys = parseNumkeys(argc, argv, 1, 0, "ERR Number of keys can't be greater than number of args");
  if (keys == 0) return;
  let limit: i64 = 0;
  for (let i = 2 + keys; i < argc; i += 2) {
    if (!argIs(argv, i, "LIMIT") || i + 1 >= argc) { replyError(ERR_SYNTAX); return; }
    if (!parseCount(argv, i + 1, 0, "ERR LIMIT can't be negative")) return;
    limit = parsedI64;
  }
  // No set holds more than i32 members, so a larger LIMIT is no limit.
  if (loadSources(argv, 2, 1 + keys)) replyInt(walkIntersection(COUNT, 0, limit > <i64>i32.MAX_VALUE ? 0 : <i32>limit));
}
