// FT.ALIASDEL alias.
import { argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { forgetAlias } from "../alias-list";
import { aliasDelete, aliasTarget } from "../registry";

export function run(_argc: i32, argv: usize): void {
  const alias = argPtr(argv, 1), aliasLen = argLen(argv, 1);
  const x = aliasTarget(alias, aliasLen);
  if (x == null) { replyError("Alias does not exist"); return; }
  forgetAlias(x, alias, aliasLen);
  aliasDelete(alias, aliasLen);
  replyOk();
}
