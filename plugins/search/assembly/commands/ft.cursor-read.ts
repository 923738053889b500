// FT.CURSOR READ index cursor_id [COUNT n]: the cursor's next rows, as FT.AGGREGATE WITHCURSOR replies.
import { argIs, argLen, argPtr, parseI64, parsedI64, replyError } from "ferrite-sdk";
import { cursorIndex, replyChunk } from "../aggregate/cursor-reply";
import { findCursor } from "../aggregate/cursors";
import { deadlineStart } from "../query/deadline";

function read(argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) return replyError("Bad cursor ID");
  const id = parsedI64;
  let count = 0;
  if (argc > 4) {
    if (argc != 6 || !argIs(argv, 4, "COUNT") || !parseI64(argPtr(argv, 5), argLen(argv, 5)) || parsedI64 < 0) {
      return replyError("Bad arguments for COUNT: Could not convert argument to expected type");
    }
    count = <i32>min(parsedI64, 0x7fffffff);
  }
  const c = findCursor(cursorIndex(argv), id);
  if (c === null) return replyError("Cursor not found, id: " + id.toString());
  // A read runs no query (the rows are ready): no deadline, and no timeout left over from the last
  // query for the reply's warning.
  deadlineStart(0);
  replyChunk(c, count);
}

export function run(argc: i32, argv: usize): void {
  read(argc, argv);
  __collect();
}
