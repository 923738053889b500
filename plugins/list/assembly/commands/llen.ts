// LLEN key
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { listLen } from "../header";
import { LIST_TYPE } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, LIST_TYPE);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : listLen(<usize>h));
}
