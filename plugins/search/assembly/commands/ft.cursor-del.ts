// FT.CURSOR DEL index cursor_id: drops a cursor and its rows.
import { argLen, argPtr, parseI64, parsedI64, replyError, replyOk } from "ferrite-sdk";
import { cursorIndex } from "../aggregate/cursor-reply";
import { closeCursor, findCursor } from "../aggregate/cursors";

function del(argv: usize): void {
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) return replyError("Bad cursor ID");
  const c = findCursor(cursorIndex(argv), parsedI64);
  if (c === null) return replyError("Cursor does not exist");
  closeCursor(c);
  replyOk();
}

export function run(_argc: i32, argv: usize): void {
  del(argv);
  __collect();
}
