// Looking a Bloom filter up by argument index, replying RedisBloom's errors.
import { keyFindArg, replyError, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { ERR_NOT_FOUND } from "../errors";
import { BF_TYPE } from "../type-ids";

/** The chain at argument i, or 0 with "ERR not found" or WRONGTYPE already replied. */
export function findChain(argv: usize, i: i32, flags: i32 = 0): usize {
  const h = keyFindArg(argv, i, BF_TYPE, flags);
  if (h == MISSING) replyError(ERR_NOT_FOUND);
  else if (h == WRONGTYPE) replyWrongType();
  else return <usize>h;
  return 0;
}
