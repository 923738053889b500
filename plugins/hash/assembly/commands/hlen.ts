// HLEN key: the number of fields (0 for a missing key).
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : hashLen(<usize>h));
}
