// PROBE.FLOAT s: parseF64 then formatF64Human, or the SDK's error.
import { argLen, argPtr, formatF64Human, parseF64, parsedF64, replyBulk, replyError, ERR_NOT_FLOAT, ERR_NAN_OR_INF } from "ferrite-sdk";

const out = memory.data(512);

export function run(_argc: i32, argv: usize): void {
  if (!parseF64(argPtr(argv, 1), argLen(argv, 1))) replyError(ERR_NOT_FLOAT);
  else if (!isFinite(parsedF64)) replyError(ERR_NAN_OR_INF);
  else replyBulk(out, formatF64Human(parsedF64, out));
}
