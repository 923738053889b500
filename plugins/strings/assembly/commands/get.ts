// GET key
import { keyFindArg } from "ferrite-sdk";
import { replyFound } from "../string-key";
import { STRING_TYPE } from "../value";

export function run(_argc: i32, argv: usize): void {
  replyFound(keyFindArg(argv, 1, STRING_TYPE));
}
