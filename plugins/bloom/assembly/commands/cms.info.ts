// CMS.INFO key: width, depth and the total of all increments.
import { ERR_CMS_NOT_FOUND } from "../cms/errors";
import { sketchCount, sketchDepth, sketchWidth } from "../cms/sketch";
import { findValue } from "../find-value";
import { infoBegin, infoInt } from "../info-reply";
import { CMS_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const s = findValue(argv, 1, CMS_TYPE, ERR_CMS_NOT_FOUND);
  if (s == 0) return;
  infoBegin(3);
  infoInt("width", <i64>sketchWidth(s));
  infoInt("depth", <i64>sketchDepth(s));
  infoInt("count", <i64>sketchCount(s));
}
