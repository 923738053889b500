// MGET key [key ...]: a missing key and a key of another type both give null.
import { replyArray, replyNull } from "ferrite-sdk";
import { findString, replyString } from "../string-key";

export function run(argc: i32, argv: usize): void {
  replyArray(argc - 1);
  for (let i = 1; i < argc; i++) {
    const h = findString(argv, i);
    if (h < 0) replyNull();
    else replyString(<usize>h);
  }
}
