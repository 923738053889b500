// MSETNX key value [key value ...]: all or nothing, refused if any key exists (of any type).
import { keyFindArg, replyArityError, replyInt, ANY_TYPE, FIND_NOTOUCH, FIND_WRITE, MISSING } from "ferrite-sdk";
import { storePairs } from "../store-pairs";

export function run(argc: i32, argv: usize): void {
  if (argc % 2 == 0) { replyArityError(argv); return; }
  for (let i = 1; i < argc; i += 2) {
    if (keyFindArg(argv, i, ANY_TYPE, FIND_WRITE | FIND_NOTOUCH) != MISSING) { replyInt(0); return; }
  }
  storePairs(argc, argv);
  replyInt(1);
}
