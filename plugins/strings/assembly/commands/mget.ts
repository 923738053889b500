// MGET key [key ...]: a missing key and a key of another type both give null.
import { keyFindArg, replyArray, replyNull } from "ferrite-sdk";
import { replyString } from "../string-key";
import { STRING_TYPE } from "../value";

export function run(argc: i32, argv: usize): void {
  replyArray(argc - 1);
  for (let i = 1; i < argc; i++) {
    const h = keyFindArg(argv, i, STRING_TYPE);
    if (h < 0) replyNull();
    else replyString(<usize>h);
  }
}
