// FT.DROP index [KEEPDOCS]: RediSearch 1.x's drop, still sent by redis-py 4.3's dropindex(); unlike
// FT.DROPINDEX it deletes the documents unless KEEPDOCS.
import { argIs, argLen, argPtr, replyArityError, replyError, replyOk } from "ferrite-sdk";
import { dropIndex } from "../drop";
import { ERR_UNKNOWN_INDEX } from "../errors";
import { findIndex } from "../registry";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  // Any other third argument is ignored, as in RediSearch 2.8 (redis-py 4.3 sends an empty one).
  dropIndex(x, !(argc == 3 && argIs(argv, 2, "KEEPDOCS")));
  replyOk();
}
