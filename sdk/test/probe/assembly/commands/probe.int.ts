// PROBE.INT s: parseI64 then formatI64, or the SDK's error.
import { argLen, argPtr, formatI64, parseI64, parsedI64, replyBulk, replyError, ERR_NOT_INTEGER } from "ferrite-sdk";

const out = memory.data(32);

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 1), argLen(argv, 1))) replyError(ERR_NOT_INTEGER);
  else replyBulk(out, formatI64(parsedI64, out));
}
