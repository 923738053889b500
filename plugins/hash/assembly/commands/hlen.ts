// HLEN key: the number of fields (0 for a missing key).
import { replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findHash } from "../hash-key";
import { hashLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = findHash(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : hashLen(<usize>h));
}
