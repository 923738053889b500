// FT.SUGGET key prefix [FUZZY] [WITHSCORES] [WITHPAYLOADS] [MAX num]: the best suggestions for a
// prefix (5 unless MAX says otherwise), a null reply for a missing key, as RediSearch answers.
import {
  ERR_SYNTAX, MISSING, WRONGTYPE, argIs, argLen, argPtr, bmKey, bmKeyLen, keyFindArg, parseI64, parsedI64, replyArray, replyBulk,
  replyDouble, replyError, replyNull, replyWrongType,
} from "ferrite-sdk";
import { SUG_TYPE, sugPayload, sugPayloadLen } from "../suggest/sug-dict";
import { found, foundEntry, foundScore, sugSearch } from "../suggest/sug-search";

const DEFAULT_MAX: i32 = 5;

export function run(argc: i32, argv: usize): void {
  let fuzzy = false, scores = false, payloads = false;
  let max = DEFAULT_MAX;
  for (let i = 3; i < argc; i++) {
    if (argIs(argv, i, "FUZZY")) fuzzy = true;
    else if (argIs(argv, i, "WITHSCORES")) scores = true;
    else if (argIs(argv, i, "WITHPAYLOADS")) payloads = true;
    else if (argIs(argv, i, "MAX")) {
      if (i + 1 >= argc) {
        replyError("Bad argument for `MAX`: Expected an argument, but none provided");
        return;
      }
      i++;
      if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 <= 0 || parsedI64 > 0x7fffffff) {
        replyError("Bad argument for `MAX`: Could not convert argument to expected type");
        return;
      }
      max = <i32>parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  const dict = keyFindArg(argv, 1, SUG_TYPE, 0);
  if (dict == WRONGTYPE) {
    replyWrongType();
    return;
  }
  if (dict == MISSING) {
    replyNull();
    return;
  }
  sugSearch(<usize>dict, argPtr(argv, 2), argLen(argv, 2), fuzzy, max);
  replyArray(found * (1 + (scores ? 1 : 0) + (payloads ? 1 : 0)));
  for (let i = 0; i < found; i++) {
    const e = foundEntry(i);
    replyBulk(bmKey(e), bmKeyLen(e));
    if (scores) replyDouble(foundScore(i));
    if (payloads) {
      if (sugPayloadLen(e) > 0) replyBulk(sugPayload(e), sugPayloadLen(e));
      else replyNull();
    }
  }
}
