// TOPK.ADD key item [item ...]: for each item, the one it expelled from the top k, or null.
import { FIND_WRITE } from "ferrite-sdk";
import { findValue } from "../find-value";
import { addItems } from "../topk/add-items";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { TOPK_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND, FIND_WRITE);
  if (t != 0) addItems(t, argc, argv, 1);
}
