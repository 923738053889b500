// CMS.QUERY key item [item ...]: each item's estimated count.
import { argLen, argPtr, replyArray, replyInt } from "ferrite-sdk";
import { ERR_CMS_NOT_FOUND } from "../cms/errors";
import { sketchQuery } from "../cms/sketch";
import { findValue } from "../find-value";
import { CMS_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const s = findValue(argv, 1, CMS_TYPE, ERR_CMS_NOT_FOUND);
  if (s == 0) return;
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) replyInt(<i64>sketchQuery(s, argPtr(argv, i), argLen(argv, i)));
}
