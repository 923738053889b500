// MOVE key db: the key and its TTL move to another database; 1 moved, 0 missing here or present there.
import { argLen, argPtr, replyError, replyInt } from "ferrite-sdk";
import { STATUS_BADDB, currentDb, keyMove } from "../host-keyspace";
import { parseDbIndex } from "../db-index";
import { ERR_DB_RANGE, ERR_SAME_OBJECT } from "../errors";

export function run(_argc: i32, argv: usize): void {
  const db = parseDbIndex(argv, 2);
  if (db < 0) return;
  if (db == currentDb()) {
    replyError(ERR_SAME_OBJECT);
    return;
  }
  const moved = keyMove(argPtr(argv, 1), argLen(argv, 1), db);
  if (moved == STATUS_BADDB) replyError(ERR_DB_RANGE);
  else replyInt(moved);
}
