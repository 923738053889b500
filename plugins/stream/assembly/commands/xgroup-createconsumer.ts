// XGROUP CREATECONSUMER key group consumer
import { argLen, argPtr, nowMs, replyInt } from "ferrite-sdk";
import { createConsumer } from "../group";
import { xgroupGroup } from "../xgroup-target";

import { XGROUP_CREATECONSUMER } from "../events";
export function run(_argc: i32, argv: usize): void {
  const g = xgroupGroup(argv);
  if (!g) return;
  const created = createConsumer(g, argPtr(argv, 4), argLen(argv, 4), nowMs()) != null;
  if (created) XGROUP_CREATECONSUMER.emitArg(argv, 2);
  replyInt(created ? 1 : 0);
}
