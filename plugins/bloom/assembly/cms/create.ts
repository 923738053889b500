// CMS.INITBYDIM and CMS.INITBYPROB: a new sketch at argument 1 once its dimensions are known.
import { keySetArg, replyError, replyOk } from "ferrite-sdk";
import { CMS_TYPE } from "../type-ids";
import { ERR_CMS_INIT } from "./errors";
import { MAX_CELLS, sketchCreate } from "./sketch";

export function createSketch(argv: usize, width: u64, depth: u64): void {
  // RedisBloom refuses width × depth past LLONG_MAX; here a sketch must also fit one 1 GiB block.
  if (width < 1 || depth < 1 || width > MAX_CELLS / depth) { replyError(ERR_CMS_INIT); return; }
  keySetArg(argv, 1, CMS_TYPE, <f64>sketchCreate(width, depth));
  replyOk();
}
