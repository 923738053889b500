// PROBE.G value precision: the value (parseF64) as %.<precision>g, written into a buffer
// (formatPrintfG) and as a managed string (formatGeneral).
import { argLen, argPtr, formatGeneral, formatPrintfG, parseF64, parsedF64, parseI64, parsedI64, replyArray, replyBulk, replyError } from "ferrite-sdk";

const out = memory.data(32);

export function run(_argc: i32, argv: usize): void {
  if (!parseF64(argPtr(argv, 1), argLen(argv, 1)) || !parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("ERR not a number"); return; }
  const v = parsedF64, precision = <i32>parsedI64;
  replyArray(2);
  replyBulk(out, formatPrintfG(v, precision, out));
  const s = formatGeneral(v, precision);
  for (let i = 0; i < s.length; i++) store<u8>(out + <usize>i, <u8>s.charCodeAt(i));
  replyBulk(out, s.length);
}
