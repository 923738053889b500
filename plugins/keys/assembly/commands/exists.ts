// EXISTS key [key ...]: how many of the keys exist, a key named twice counting twice.
import { keyFindArg, replyInt, ANY_TYPE, FIND_NOTOUCH } from "ferrite-sdk";

export function run(argc: i32, argv: usize): void {
  let found = 0;
  // NOTOUCH: asking whether a key exists is not an access (Redis leaves its idle time alone too).
  for (let i = 1; i < argc; i++) if (keyFindArg(argv, i, ANY_TYPE, FIND_NOTOUCH) >= 0) found++;
  replyInt(found);
}
