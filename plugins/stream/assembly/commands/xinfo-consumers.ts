// XINFO CONSUMERS key group
import { argLen, argPtr, keyFindArg, nowMs, replyArray, replyError, replyMap, replyWrongType, ERR_NO_SUCH_KEY } from "ferrite-sdk";
import { Consumer, findGroup } from "../group";
import { replyIntField, replyNameField } from "../info";
import { asStream, replyErrorQuoting, MISSING, WRONGTYPE } from "../stream-key";
import { vecPtr } from "../vec";
import { STREAM_TYPE } from "../stream";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 2, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyError(ERR_NO_SUCH_KEY); return; }
  const g = findGroup(asStream(h).groups, argPtr(argv, 3), argLen(argv, 3));
  if (!g) { replyErrorQuoting(argv, "NOGROUP No such consumer group '", 3, "' for key name '", 2, "'"); return; }
  const now = nowMs();
  replyArray(g.consumers.len);
  for (let i = 0; i < g.consumers.len; i++) {
    const c = changetype<Consumer>(vecPtr(g.consumers, i));
    replyMap(4);
    replyNameField(c.name, c.nameLen);
    replyIntField("pending", c.pending);
    replyIntField("idle", max<i64>(now - c.seenTime, 0));
    // Redis 7.2: time since the consumer last read or claimed something, -1 if it never did.
    replyIntField("inactive", c.activeTime < 0 ? -1 : max<i64>(now - c.activeTime, 0));
  }
}
