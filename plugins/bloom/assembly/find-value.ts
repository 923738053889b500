// Looking a value of one of this plugin's types up by argument index, replying its type's not-found text
// (each RedisBloom type has its own) or WRONGTYPE.
import { keyFindArg, replyError, replyWrongType, ANY_TYPE, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";

/** The value at argument i, or 0 with `notFound` or WRONGTYPE already replied. */
export function findValue(argv: usize, i: i32, type: i32, notFound: string, flags: i32 = 0): usize {
  const h = keyFindArg(argv, i, type, flags);
  if (h == MISSING) replyError(notFound);
  else if (h == WRONGTYPE) replyWrongType();
  else return <usize>h;
  return 0;
}

/** Whether argument i names no key at all (of any type), for a create command; else `exists` is replied. */
export function keyIsFree(argv: usize, i: i32, exists: string): bool {
  if (keyFindArg(argv, i, ANY_TYPE, FIND_WRITE) == MISSING) return true;
  replyError(exists);
  return false;
}
