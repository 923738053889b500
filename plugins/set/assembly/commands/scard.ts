// SCARD key: the number of members, 0 for a missing key.
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { SET_TYPE, setSize } from "../set";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, SET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h == MISSING ? 0 : setSize(<usize>h));
}
