// LINDEX key index
import { keyFindArg, parsedI64, parseIntArg, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { elemLen, elemPtr, entryRead } from "../entry";
import { listLen } from "../header";
import { curEntry, seek } from "../list";
import { elementIndex } from "../range";
import { LIST_TYPE } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  // Redis looks the key up before reading the index.
  const h = keyFindArg(argv, 1, LIST_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyNull(); return; }
  if (!parseIntArg(argv, 2)) return;
  const index = elementIndex(parsedI64, listLen(<usize>h));
  if (index < 0) { replyNull(); return; }
  seek(<usize>h, index);
  entryRead(curEntry());
  replyBulk(elemPtr, elemLen);
}
