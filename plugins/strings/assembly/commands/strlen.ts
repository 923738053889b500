// STRLEN key
import { replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findString } from "../string-key";
import { strLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = findString(argv, 1);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : strLen(<usize>h));
}
