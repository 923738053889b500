// TOUCH key [key ...]: mark the keys as accessed; how many exist.
import { argLen, argPtr, keyTouch, replyInt } from "ferrite-sdk";

export function run(argc: i32, argv: usize): void {
  let touched = 0;
  for (let i = 1; i < argc; i++) if (keyTouch(argPtr(argv, i), argLen(argv, i))) touched++;
  replyInt(touched);
}
