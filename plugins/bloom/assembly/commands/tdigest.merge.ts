// TDIGEST.MERGE destination numkeys source [source ...] [COMPRESSION compression] [OVERRIDE]: a new digest
// from the sources (and the destination's own samples unless OVERRIDE), its compression the one given,
// else the destination's, else the largest of the sources'.
import { argLen, argPtr, bytesEqual, keyFindArg, keySetArg, parseI64, parsedI64, replyArityError, replyError, replyOk, replyWrongType, ANY_TYPE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { argIndex } from "../arg-index";
import { findValue } from "../find-value";
import { parseCompression } from "../tdigest/compression-arg";
import { tdCompression, tdCreate } from "../tdigest/digest";
import { ERR_TD_NOT_FOUND, ERR_TD_OVERFLOW } from "../tdigest/errors";
import { tdMergeInto } from "../tdigest/merge";
import { TDIGEST_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ANY_TYPE);
  let start: usize = 0;
  if (h != MISSING) {
    const d = keyFindArg(argv, 1, TDIGEST_TYPE);
    if (d == WRONGTYPE) { replyWrongType(); return; }
    start = <usize>d;
  }
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError("ERR T-Digest: error parsing numkeys"); return; }
  const numkeys = parsedI64;
  if (numkeys <= 0) { replyError("ERR T-Digest: numkeys needs to be a positive integer"); return; }
  if (numkeys > <i64>(argc - 3)) { replyArityError(argv); return; }
  const rest = 3 + <i32>numkeys;
  let compression: i64 = start != 0 ? <i64>tdCompression(start) : 0;
  let useMax = start == 0;
  let overrides = false;
  if (rest < argc) {
    const at = argIndex(argc, argv, rest, "COMPRESSION");
    if (at >= 0) {
      useMax = false;
      if (at + 1 >= argc) { replyArityError(argv); return; }
      compression = parseCompression(argv, at + 1);
      if (compression < 0) return;
    }
    if (argIndex(argc, argv, rest, "OVERRIDE") >= 0) {
      overrides = true;
      if (at < 0) { useMax = true; compression = 0; }
    } else if (at < 0) {
      replyError("ERR T-Digest: wrong keyword");
      return;
    }
  }
  for (let i = 3; i < rest; i++) {
    const sameAsDest = bytesEqual(argPtr(argv, i), argLen(argv, i), argPtr(argv, 1), argLen(argv, 1));
    if (sameAsDest && start == 0) { replyError(ERR_TD_NOT_FOUND); return; }
    const source = sameAsDest ? start : findValue(argv, i, TDIGEST_TYPE, ERR_TD_NOT_FOUND);
    if (source == 0) return;
    if (useMax) compression = max(compression, <i64>tdCompression(source));
  }
  const merged = tdCreate(compression);
  let status = start != 0 && !overrides ? tdMergeInto(merged, start) : 0;
  for (let i = 3; i < rest && status == 0; i++) {
    const sameAsDest = bytesEqual(argPtr(argv, i), argLen(argv, i), argPtr(argv, 1), argLen(argv, 1));
    status = tdMergeInto(merged, sameAsDest ? start : <usize>keyFindArg(argv, i, TDIGEST_TYPE));
  }
  if (status != 0) {
    heap.free(merged);
    replyError(ERR_TD_OVERFLOW);
    return;
  }
  keySetArg(argv, 1, TDIGEST_TYPE, <f64>merged);
  replyOk();
}
