// XGROUP DELCONSUMER key group consumer: replies how many entries the consumer still had pending.
import { argLen, argPtr, replyInt } from "ferrite-sdk";
import { findConsumer, removeConsumer } from "../group";
import { pelRemoveConsumer } from "../pel";
import { xgroupGroup } from "../xgroup-target";

import { XGROUP_DELCONSUMER } from "../events";
export function run(_argc: i32, argv: usize): void {
  const g = xgroupGroup(argv);
  if (!g) return;
  const c = findConsumer(g, argPtr(argv, 4), argLen(argv, 4));
  if (!c) { replyInt(0); return; }
  replyInt(pelRemoveConsumer(g, c));
  removeConsumer(g, c);
  XGROUP_DELCONSUMER.emitArg(argv, 2);
}
