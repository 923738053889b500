// A cursor's next chunk: up to `count` rows (the cursor's own read size unless COUNT says otherwise),
// then id 0 and the cursor gone once every row has been read.
import { argLen, argPtr } from "ferrite-sdk";
import { findIndex } from "../registry";
import { Cursor, closeCursor } from "./cursors";
import { replyRows } from "./reply";

export function replyChunk(c: Cursor, count: i32): void {
  const n = count > 0 ? count : c.count;
  const from = c.next;
  const to = min(from + n, c.rows.length);
  c.next = to;
  const total = from == 0 ? c.total : 0; // RediSearch counts the total afresh for each read
  const done = to >= c.rows.length;
  if (done) closeCursor(c);
  replyRows(c.rows, from, to, total, done ? 0 : c.id);
}

/** FT.CURSOR's index argument as the cursor table knows it (0: no such index, so no cursor either). */
export function cursorIndex(argv: usize): usize { return changetype<usize>(findIndex(argPtr(argv, 2), argLen(argv, 2))); }
