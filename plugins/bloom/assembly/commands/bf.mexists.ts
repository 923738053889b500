// BF.MEXISTS key item [item ...]: BF.EXISTS for each item.
import { argLen, argPtr, keyFindArg, replyArray, replyBool } from "ferrite-sdk";
import { chainHas } from "../bloom/chain";
import { BF_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, BF_TYPE);
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) replyBool(h >= 0 && chainHas(<usize>h, argPtr(argv, i), argLen(argv, i)));
}
