// FT.ALIASUPDATE alias index: points the alias at the index, moving it from another one if need be.
import { argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { strNew } from "../bytes";
import { ERR_ALIAS_CONFLICT, ERR_ALIAS_TARGET } from "../errors";
import { forgetAlias } from "../alias-list";
import { aliasSet, aliasTarget, indexByName } from "../registry";
import { listPush } from "../u32-list";

export function run(_argc: i32, argv: usize): void {
  const alias = argPtr(argv, 1), aliasLen = argLen(argv, 1);
  const x = indexByName(argPtr(argv, 2), argLen(argv, 2));
  if (x == null) { replyError(ERR_ALIAS_TARGET); return; }
  if (indexByName(alias, aliasLen) != null) { replyError(ERR_ALIAS_CONFLICT); return; }
  const old = aliasTarget(alias, aliasLen);
  if (old != null) forgetAlias(old, alias, aliasLen);
  aliasSet(alias, aliasLen, x);
  listPush(x.aliases, <u32>strNew(alias, aliasLen));
  replyOk();
}
