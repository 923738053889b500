// TOPK.INCRBY key item increment [item increment ...]: TOPK.ADD with increments of 0 to 100 000.
// RedisBloom checks each increment as it goes and leaves its reply short at a bad one; here every
// increment is checked first, so a bad one is the whole reply and nothing is counted.
import { argLen, argPtr, parseI64, parsedI64, replyArityError, replyError, FIND_WRITE } from "ferrite-sdk";
import { findValue } from "../find-value";
import { addItems } from "../topk/add-items";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { TOPK_TYPE } from "../type-ids";

// RedisBloom's text keeps the spaces of the C line continuation inside it.
const ERR_INCREMENT = "TopK: increment must be an integer greater or equal to 0                            and smaller or equal to 100,000";

export function run(argc: i32, argv: usize): void {
  if ((argc & 1) == 1) { replyArityError(argv); return; }
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND, FIND_WRITE);
  if (t == 0) return;
  for (let i = 3; i < argc; i += 2) {
    if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0 || parsedI64 > 100000) { replyError(ERR_INCREMENT); return; }
  }
  addItems(t, argc, argv, 2);
}
