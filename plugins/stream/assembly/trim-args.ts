// XADD's and XTRIM's shared options, parsed as Redis's streamParseAddOrTrimArgsOrReply: NOMKSTREAM
// (XADD), MAXLEN|MINID [=|~] threshold, LIMIT count, and for XADD the ID that ends them.
import { argIs, argLen, argPtr, parsedI64, parseIntArg, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { idMs, idSeq, idSeqGiven, parseId } from "./id";
import { blockMaxEntries } from "./block";

export const TRIM_NONE: i32 = 0;
export const TRIM_MAXLEN: i32 = 1;
export const TRIM_MINID: i32 = 2;

export let trimStrategy: i32 = TRIM_NONE;
export let trimApprox: bool = false;
export let trimMaxLen: i64 = 0;
export let trimMinMs: u64 = 0;
export let trimMinSeq: u64 = 0;
/** Most entries one trim may remove; 0 = no limit. */
export let trimLimit: i64 = 0;
export let noMkStream: bool = false;
export let addIdGiven: bool = false;
export let addMs: u64 = 0;
export let addSeq: u64 = 0;
export let addSeqGiven: bool = true;

/** Returns the index of XADD's ID argument (argc when there is none), or -1 after replying an error. */
export function parseTrimArgs(argc: i32, argv: usize, xadd: bool): i32 {
  trimStrategy = TRIM_NONE;
  trimApprox = false;
  trimLimit = 0;
  noMkStream = false;
  addIdGiven = false;
  let limitGiven = false;
  let i = 2;
  for (; i < argc; i++) {
    const more = argc - 1 - i;
    if (xadd && argLen(argv, i) == 1 && load<u8>(argPtr(argv, i)) == 42) break; // '*'
    const maxlen = argIs(argv, i, "MAXLEN");
    if ((maxlen || argIs(argv, i, "MINID")) && more > 0) {
      if (trimStrategy != TRIM_NONE) { replyError("ERR syntax error, MAXLEN and MINID options at the same time are not compatible"); return -1; }
      trimApprox = false;
      if (more >= 2 && argLen(argv, i + 1) == 1) {
        const c = load<u8>(argPtr(argv, i + 1));
        if (c == 126) { trimApprox = true; i++; } // '~'
        else if (c == 61) i++; // '='
      }
      i++;
      if (maxlen) {
        if (!parseIntArg(argv, i)) return -1;
        if (parsedI64 < 0) { replyError("ERR The MAXLEN argument must be >= 0."); return -1; }
        trimMaxLen = parsedI64;
        trimStrategy = TRIM_MAXLEN;
      } else {
        if (!parseId(argPtr(argv, i), argLen(argv, i), true)) return -1;
        trimMinMs = idMs;
        trimMinSeq = idSeq;
        trimStrategy = TRIM_MINID;
      }
    } else if (argIs(argv, i, "LIMIT") && more > 0) {
      i++;
      if (!parseIntArg(argv, i)) return -1;
      if (parsedI64 < 0) { replyError("ERR The LIMIT argument must be >= 0."); return -1; }
      trimLimit = parsedI64;
      limitGiven = true;
    } else if (xadd && argIs(argv, i, "NOMKSTREAM")) {
      noMkStream = true;
    } else if (xadd) {
      if (!parseId(argPtr(argv, i), argLen(argv, i), true, 0, true)) return -1;
      addIdGiven = true;
      addMs = idMs;
      addSeq = idSeq;
      addSeqGiven = idSeqGiven;
      break;
    } else {
      replyError(ERR_SYNTAX);
      return -1;
    }
  }
  if (trimLimit != 0 && trimStrategy == TRIM_NONE) { replyError("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy"); return -1; }
  if (!xadd && trimStrategy == TRIM_NONE) { replyError("ERR syntax error, XTRIM must be called with a trimming strategy"); return -1; }
  if (limitGiven) {
    if (!trimApprox) { replyError("ERR syntax error, LIMIT cannot be used without the special ~ option"); return -1; }
  } else {
    // Redis bounds an approximate trim's work to 100 nodes' worth unless told otherwise (0: unbounded
    // with stream-node-max-entries 0; saturated where Redis's product would overflow).
    const entries = blockMaxEntries();
    trimLimit = trimApprox ? (entries > I64.MAX_VALUE / 100 ? I64.MAX_VALUE : 100 * entries) : 0;
  }
  return i;
}
