// XGROUP CREATECONSUMER key group consumer
import { argLen, argPtr, nowMs, replyInt } from "ferrite-sdk";
import { createConsumer } from "../group";
import { xgroupGroup } from "../xgroup-target";

export function run(_argc: i32, argv: usize): void {
  const g = xgroupGroup(argv);
  if (g) replyInt(createConsumer(g, argPtr(argv, 4), argLen(argv, 4), nowMs()) ? 1 : 0);
}
