// LSET key index element
import { argLen, argPtr, keyFindArg, parsedI64, parseIntArg, replyError, replyOk, replyWrongType, ERR_NO_SUCH_KEY, ERR_OUT_OF_RANGE, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { listLen } from "../header";
import { growEncoding, listReplace, shrinkEncoding } from "../list";
import { elementIndex } from "../range";

import { LSET } from "../events";
import { LIST_TYPE } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  // Redis looks the key up before reading the index.
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyError(ERR_NO_SUCH_KEY); return; }
  if (!parseIntArg(argv, 2)) return;
  const l = <usize>h;
  const value = argPtr(argv, 3), valueLen = argLen(argv, 3);
  // Redis converts before checking the index, so even a refused LSET can leave a quicklist.
  growEncoding(l, valueLen, 1);
  const index = elementIndex(parsedI64, listLen(l));
  if (index < 0) { replyError(ERR_OUT_OF_RANGE); return; }
  listReplace(l, index, value, valueLen);
  // A small element may have replaced a big one.
  shrinkEncoding(l);
  LSET.emitArg(argv, 1);
  replyOk();
}
