// RedisBloom's RMUtil_ArgIndex: where a keyword appears among the arguments, ignoring case.
import { argIs } from "ferrite-sdk";

/** The index of the first argument from `from` on that is `keyword`, or -1. */
export function argIndex(argc: i32, argv: usize, from: i32, keyword: string): i32 {
  for (let i = from; i < argc; i++) if (argIs(argv, i, keyword)) return i;
  return -1;
}
