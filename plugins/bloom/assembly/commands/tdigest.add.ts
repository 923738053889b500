// TDIGEST.ADD key value [value ...]: every value is read before any is added.
import { argLen, argPtr, parseF64, parsedF64, replyError, replyOk, FIND_WRITE } from "ferrite-sdk";
import { findValue } from "../find-value";
import { tdAdd } from "../tdigest/digest";
import { ERR_TD_NOT_FOUND, ERR_TD_OVERFLOW } from "../tdigest/errors";
import { TDIGEST_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const d = findValue(argv, 1, TDIGEST_TYPE, ERR_TD_NOT_FOUND, FIND_WRITE);
  if (d == 0) return;
  for (let i = 2; i < argc; i++) {
    if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing val parameter"); return; }
    if (!isFinite(parsedF64)) { replyError("ERR T-Digest: val parameter needs to be a finite number"); return; }
  }
  for (let i = 2; i < argc; i++) {
    parseF64(argPtr(argv, i), argLen(argv, i));
    if (tdAdd(d, parsedF64, 1) != 0) { replyError(ERR_TD_OVERFLOW); return; }
  }
  replyOk();
}
