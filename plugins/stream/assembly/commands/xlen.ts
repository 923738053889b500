// XLEN key
import { keyFindArg, replyInt, replyWrongType } from "ferrite-sdk";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE } from "../stream";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : <i64>asStream(h).length);
}
