// XINFO GROUPS key
import { keyFindArg, replyArray, replyError, replyMap, replyWrongType, ERR_NO_SUCH_KEY } from "ferrite-sdk";
import { Group } from "../group";
import { replyGroupProgress, replyIntField, replyNameField } from "../info";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { vecPtr } from "../vec";
import { STREAM_TYPE } from "../stream";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 2, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyError(ERR_NO_SUCH_KEY); return; }
  const s = asStream(h);
  replyArray(s.groups.len);
  for (let i = 0; i < s.groups.len; i++) {
    const g = changetype<Group>(vecPtr(s.groups, i));
    replyMap(6);
    replyNameField(g.name, g.nameLen);
    replyIntField("consumers", g.consumers.len);
    replyIntField("pending", g.pel.len);
    replyGroupProgress(s, g);
  }
}
