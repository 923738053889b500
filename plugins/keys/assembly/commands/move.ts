// MOVE key db: the key and its TTL move to another database; 1 moved, 0 missing here or present there.
import { argLen, argPtr, currentDb, keyMove, replyError, replyInt } from "ferrite-sdk";
import { parseDbIndex } from "../db-index";
import { ERR_SAME_OBJECT } from "../errors";

export function run(_argc: i32, argv: usize): void {
  const db = parseDbIndex(argv, 2);
  if (db < 0) return;
  if (db == currentDb()) {
    replyError(ERR_SAME_OBJECT);
    return;
  }
  // parseDbIndex checked the database, so the host's BADDB cannot come back.
  replyInt(keyMove(argPtr(argv, 1), argLen(argv, 1), db));
}
