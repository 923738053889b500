// PROBE.FLOAT s: parseLongDouble then formatLongDoubleHuman, or the SDK's error (INCRBYFLOAT's rules).
import { formatLongDoubleHuman, longDoubleText, longDoubleValue, parseLongDouble, argLen, argPtr, replyBulk, replyError, ERR_NOT_FLOAT, ERR_NAN_OR_INF } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  if (!parseLongDouble(argPtr(argv, 1), argLen(argv, 1), longDoubleValue)) replyError(ERR_NOT_FLOAT);
  else if (!longDoubleValue.finite) replyError(ERR_NAN_OR_INF);
  else replyBulk(longDoubleText, formatLongDoubleHuman(longDoubleValue, longDoubleText));
}
