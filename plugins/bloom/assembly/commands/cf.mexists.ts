// CF.MEXISTS key item [item ...]: CF.EXISTS for each item.
import { argLen, argPtr, keyFindArg, replyArray, replyBool } from "ferrite-sdk";
import { cfHas, hashItem } from "../cuckoo/filter";
import { CF_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, CF_TYPE);
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    if (h < 0) { replyBool(false); continue; }
    hashItem(argPtr(argv, i), argLen(argv, i));
    replyBool(cfHas(<usize>h));
  }
}
