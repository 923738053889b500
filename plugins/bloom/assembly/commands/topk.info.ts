// TOPK.INFO key: k, width, depth and decay.
import { replyDouble, replySimple } from "ferrite-sdk";
import { findValue } from "../find-value";
import { infoBegin, infoInt } from "../info-reply";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { topkDecay, topkDepth, topkK, topkWidth } from "../topk/sketch";
import { TOPK_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND);
  if (t == 0) return;
  infoBegin(4);
  infoInt("k", topkK(t));
  infoInt("width", topkWidth(t));
  infoInt("depth", topkDepth(t));
  replySimple("decay");
  replyDouble(topkDecay(t));
}
