// SCARD key: the number of members, 0 for a missing key.
import { MISSING, replyInt, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { findSet } from "../set-key";
import { setSize } from "../set";

export function run(_argc: i32, argv: usize): void {
  const h = findSet(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : setSize(<usize>h));
}
