// BF.EXISTS key item: 1 when the item may have been added, 0 when surely not (or no such filter).
import { argLen, argPtr, keyFindArg, replyBool } from "ferrite-sdk";
import { chainHas } from "../bloom/chain";
import { BF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  // RedisBloom answers 0 for any key that holds no filter, another type's included.
  const h = keyFindArg(argv, 1, BF_TYPE);
  replyBool(h >= 0 && chainHas(<usize>h, argPtr(argv, 2), argLen(argv, 2)));
}
