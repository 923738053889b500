// <plugin>.GREET [name]: "hello" alone, or the name it was given. Commands carry their plugin's name
// as a prefix (like COUNTER.INCRBY) so plugins never clash with each other or with core commands.
import { argLen, argPtr, replyBulk, replySimple } from "ferrite-sdk";

export function run(argc: i32, argv: usize): void {
  if (argc == 1) replySimple("hello");
  else replyBulk(argPtr(argv, 1), argLen(argv, 1));
}
