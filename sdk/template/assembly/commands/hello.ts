// HELLO [name]: "hello" alone, or the name it was given.
import { argLen, argPtr, replyBulk, replySimple } from "ferrite-sdk";

export function run(argc: i32, argv: usize): void {
  if (argc == 1) replySimple("hello");
  else replyBulk(argPtr(argv, 1), argLen(argv, 1));
}
