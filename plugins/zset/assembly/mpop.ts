// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count], and BZMPOP, the same after its timeout.
import {
  blockOnKeys, mpopCount, mpopFirstKey, mpopLastKey, mpopSecondEnd, parsedTimeoutMs, parseMpopArgs, replyNullArray,
} from "ferrite-sdk";
import { pop, SHAPE_KEYED } from "./pop";

/** `numkeysArg` is 1 for ZMPOP; BZMPOP's timeout is argument 1, so 2 and `blocking`. */
export function mpopCommand(argc: i32, argv: usize, numkeysArg: i32, blocking: bool): void {
  if (!parseMpopArgs(argc, argv, numkeysArg, "MIN", "MAX", blocking)) return;
  if (pop(argv, mpopFirstKey, mpopLastKey, mpopCount, mpopSecondEnd, SHAPE_KEYED)) return;
  if (!blocking || !blockOnKeys(mpopFirstKey, mpopLastKey, 1, parsedTimeoutMs)) replyNullArray();
}
