// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count], and BLMPOP, the same after its timeout.

import {
  argLen, argPtr, blockOnKeys, keyFindWaited, mpopCount, mpopFirstKey, mpopLastKey, mpopSecondEnd, parsedTimeoutMs,
  parseMpopArgs, replyNullArray, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { LEFT, RIGHT } from "./list";
import { LIST_TYPE } from "./list-key";
import { popAndReply, POP_KEYED } from "./pop";

/** `numkeysArg` is 1 for LMPOP; BLMPOP's timeout is argument 1, so 2 and `blocking`. */
export function mpopCommand(argc: i32, argv: usize, numkeysArg: i32, blocking: bool): void {
  if (!parseMpopArgs(argc, argv, numkeysArg, "LEFT", "RIGHT", blocking)) return;
  for (let i = mpopFirstKey; i <= mpopLastKey; i++) {
    const h = keyFindWaited(argPtr(argv, i), argLen(argv, i), LIST_TYPE, FIND_WRITE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) continue;
    popAndReply(argPtr(argv, i), argLen(argv, i), <usize>h, mpopSecondEnd ? RIGHT : LEFT, mpopCount, POP_KEYED);
    return;
  }
  if (!blocking || !blockOnKeys(mpopFirstKey, mpopLastKey, 1, parsedTimeoutMs)) replyNullArray();
}
