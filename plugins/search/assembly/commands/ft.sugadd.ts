// FT.SUGADD key string score [INCR] [PAYLOAD payload]: adds (or with INCR, adds to the score of) a
// suggestion and replies the dictionary's size.
import {
  ERR_SYNTAX, FIND_WRITE, MISSING, WRONGTYPE, argIs, argLen, argPtr, keyFindArg, keySetArg, parseF64, parsedF64,
  replyError, replyInt, replyWrongType,
} from "ferrite-sdk";
import { runeCount } from "../suggest/runes";
import { MAX_SUGGESTION_RUNES, SUG_TYPE, sugAdd, sugCreate, sugSize } from "../suggest/sug-dict";

export function run(argc: i32, argv: usize): void {
  if (!parseF64(argPtr(argv, 3), argLen(argv, 3))) {
    replyError("ERR invalid score");
    return;
  }
  const score = parsedF64;
  let incr = false;
  let payload: usize = 0, payloadLen = -1;
  for (let i = 4; i < argc; i++) {
    if (argIs(argv, i, "INCR")) incr = true;
    else if (argIs(argv, i, "PAYLOAD") && i + 1 < argc) {
      payload = argPtr(argv, ++i);
      payloadLen = argLen(argv, i);
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  let dict = keyFindArg(argv, 1, SUG_TYPE, FIND_WRITE);
  if (dict == WRONGTYPE) {
    replyWrongType();
    return;
  }
  const str = argPtr(argv, 2), len = argLen(argv, 2);
  const runes = runeCount(str, len);
  const fits = len > 0 && runes < MAX_SUGGESTION_RUNES; // RediSearch's trie ignores "" and overlong strings
  if (dict == MISSING) {
    if (!fits) {
      replyInt(0);
      return;
    }
    const created = sugCreate();
    sugAdd(created, str, len, score, incr, payload, payloadLen);
    keySetArg(argv, 1, SUG_TYPE, <f64>created, 0);
    replyInt(1);
    return;
  }
  if (fits) sugAdd(<usize>dict, str, len, score, incr, payload, payloadLen);
  replyInt(sugSize(<usize>dict));
}
