// GETDEL key
import { keyDeleteArg, keyFindArg, MISSING, WRONGTYPE } from "ferrite-sdk";
import { replyFound } from "../string-key";
import { STRING_TYPE } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STRING_TYPE);
  replyFound(h);
  if (h != MISSING && h != WRONGTYPE) keyDeleteArg(argv, 1);
}
