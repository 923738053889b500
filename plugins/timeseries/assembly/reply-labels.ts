// The labels part of a TS.MGET/TS.MRANGE entry: all of them (WITHLABELS), the chosen ones
// (SELECTED_LABELS) or none (an empty array, an empty map in RESP3).
import { protocol, replyArray, replyBulk, replyMap } from "ferrite-sdk";
import { replyLabels, replySelectedLabels } from "./labels";
import { selectedCount, selectedFrom, withLabels } from "./multi-args";

export function replyEntryLabels(blob: usize, argv: usize): void {
  if (withLabels) replyLabels(blob);
  else if (selectedCount > 0) replySelectedLabels(blob, argv, selectedFrom, selectedCount);
  else if (protocol() == 3) replyMap(0);
  else replyArray(0);
}

/**
 * The start of one TS.MGET/TS.MRANGE entry: [key, labels, … (RESP2: `parts` elements in all) or, in
 * RESP3, the map's key then an array of `parts` elements (labels first).
 */
export function replyEntryHead(key: usize, keyLen: i32, blob: usize, argv: usize, resp2Parts: i32, resp3Parts: i32): void {
  const resp3 = protocol() == 3;
  if (!resp3) replyArray(resp2Parts);
  replyBulk(key, keyLen);
  if (resp3) replyArray(resp3Parts);
  replyEntryLabels(blob, argv);
}
