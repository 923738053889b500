// COPY source destination [DB destination-db] [REPLACE]: 1 copied, 0 no source or destination taken.
import {
  COPY_REPLACE, CURRENT_DB, ERR_SYNTAX, STATUS_MISSING, argIs, argLen, argPtr, bytesEqual, currentDb, keyCopy,
  replyError, replyInt,
} from "ferrite-sdk";
import { parseDbIndex } from "../db-index";
import { ERR_SAME_OBJECT } from "../errors";

export function run(argc: i32, argv: usize): void {
  let db = CURRENT_DB;
  let flags = 0;
  for (let j = 3; j < argc; j++) {
    if (argIs(argv, j, "replace")) {
      flags |= COPY_REPLACE;
    } else if (argIs(argv, j, "db") && j + 1 < argc) {
      db = parseDbIndex(argv, ++j);
      if (db < 0) return;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  const src = argPtr(argv, 1);
  const srcLen = argLen(argv, 1);
  const dst = argPtr(argv, 2);
  const dstLen = argLen(argv, 2);
  // Redis refuses this even when the source is missing: copying a key onto itself is a mistake.
  if ((db == CURRENT_DB || db == currentDb()) && bytesEqual(src, srcLen, dst, dstLen)) {
    replyError(ERR_SAME_OBJECT);
    return;
  }
  // parseDbIndex checked the database, so the host's BADDB cannot come back.
  const copied = keyCopy(src, srcLen, dst, dstLen, db, flags);
  replyInt(copied == STATUS_MISSING ? 0 : copied);
}
