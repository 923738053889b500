// The labels part of a TS.MGET/TS.MRANGE entry: all of them (WITHLABELS), the chosen ones
// (SELECTED_LABELS) or none (an empty array, an empty map in RESP3).
import { protocol, replyArray, replyMap } from "ferrite-sdk";
import { replyLabels, replySelectedLabels } from "./labels";
import { selectedCount, selectedFrom, withLabels } from "./multi-args";

export function replyEntryLabels(blob: usize, argv: usize): void {
  if (withLabels) replyLabels(blob);
  else if (selectedCount > 0) replySelectedLabels(blob, argv, selectedFrom, selectedCount);
  else if (protocol() == 3) replyMap(0);
  else replyArray(0);
}
