// FT.ALIASADD alias index: another name for the index in FT.SEARCH and friends.
import { argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { strNew } from "../bytes";
import { ERR_ALIAS_CONFLICT, ERR_ALIAS_TARGET } from "../errors";
import { aliasSet, aliasTarget, indexByName } from "../registry";
import { listPush } from "../u32-list";

export function run(_argc: i32, argv: usize): void {
  const alias = argPtr(argv, 1), aliasLen = argLen(argv, 1);
  const x = indexByName(argPtr(argv, 2), argLen(argv, 2));
  if (x == null) { replyError(ERR_ALIAS_TARGET); return; }
  if (indexByName(alias, aliasLen) != null) { replyError(ERR_ALIAS_CONFLICT); return; }
  if (aliasTarget(alias, aliasLen) != null) { replyError("Alias already exists"); return; }
  aliasSet(alias, aliasLen, x);
  listPush(x.aliases, <u32>strNew(alias, aliasLen));
  replyOk();
}
