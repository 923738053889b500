// HDEL key field [field ...]: the number of fields removed; the key goes when the hash empties.
import { argLen, argPtr, keyDropArgIfEmpty, keyFindArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashDelete, hashLen } from "../value";
import { HDEL } from "../events";

export function run(argc: i32, argv: usize): void {
  const found = keyFindArg(argv, 1, HASH_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  if (found == MISSING) { replyInt(0); return; }
  const h = <usize>found;
  let deleted = 0;
  for (let j = 2; j < argc; j++) {
    if (hashDelete(h, argPtr(argv, j), argLen(argv, j))) {
      deleted++;
      if (hashLen(h) == 0) break; // the key goes below; later fields cannot be there
    }
  }
  if (deleted > 0) HDEL.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, hashLen(h));
  replyInt(deleted);
}
