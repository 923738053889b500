// PROBE.UTF8 bytes: 1 when utf8Valid accepts them, else 0.
import { argLen, argPtr, replyInt, utf8Valid } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  replyInt(utf8Valid(argPtr(argv, 1), argLen(argv, 1)) ? 1 : 0);
}
