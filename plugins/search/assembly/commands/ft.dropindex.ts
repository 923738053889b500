// FT.DROPINDEX index [DD]: forgets the index (and its aliases); DD also deletes its documents' keys.
import { argIs, argLen, argPtr, replyArityError, replyError, replyOk } from "ferrite-sdk";
import { dropIndex } from "../drop";
import { ERR_UNKNOWN_INDEX } from "../errors";
import { findIndex } from "../registry";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  if (argc == 3 && !argIs(argv, 2, "DD")) { replyError("Unknown argument"); return; }
  dropIndex(x, argc == 3 || x.idleMs > 0); // a TEMPORARY index's documents go with it, as in RediSearch
  replyOk();
}
