// SSCAN key cursor [MATCH pattern] [COUNT count]: [next cursor, members]. Redis checks the cursor, then
// the key, then the options, so a missing key answers an empty scan whatever the options say.
import { keyFindArg, parseScanCursor, parseScanOptions, replyArray, replyScanCursor, replyWrongType, scanCount, scanCursor, MISSING, WRONGTYPE } from "ferrite-sdk";
import { scanMatched, scanStep } from "../scan";
import { SET_TYPE } from "../set";

export function run(argc: i32, argv: usize): void {
  if (!parseScanCursor(argv, 2)) return;
  const h = keyFindArg(argv, 1, SET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    replyArray(2);
    replyScanCursor(0);
    replyArray(0);
    return;
  }
  if (!parseScanOptions(argc, argv, 3)) return;
  const s = <usize>h;
  const next = scanStep(s, scanCursor, scanCount, false);
  replyArray(2);
  replyScanCursor(next);
  replyArray(scanMatched);
  scanStep(s, scanCursor, scanCount, true);
}
