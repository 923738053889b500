// XLEN key
import { replyInt, replyWrongType } from "ferrite-sdk";
import { asStream, findStream, MISSING, WRONGTYPE } from "../stream-key";

export function run(_argc: i32, argv: usize): void {
  const h = findStream(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : <i64>asStream(h).length);
}
