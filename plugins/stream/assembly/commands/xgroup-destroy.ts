// XGROUP DESTROY key group
import { argLen, argPtr, replyInt, signalKeyReady } from "ferrite-sdk";
import { destroyGroup } from "../group";
import { asStream } from "../stream-key";
import { xgroupStream } from "../xgroup-target";

import { XGROUP_DESTROY } from "../events";
export function run(_argc: i32, argv: usize): void {
  const h = xgroupStream(argv, false);
  if (h < 0) return;
  if (!destroyGroup(asStream(h).groups, argPtr(argv, 3), argLen(argv, 3))) { replyInt(0); return; }
  // Clients blocked in XREADGROUP on this group run again and get NOGROUP.
  signalKeyReady(argPtr(argv, 2), argLen(argv, 2));
  XGROUP_DESTROY.emitArg(argv, 2);
  replyInt(1);
}
