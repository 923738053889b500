// LLEN key
import { replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { listLen } from "../header";
import { findList } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  const h = findList(argv, 1);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : listLen(<usize>h));
}
