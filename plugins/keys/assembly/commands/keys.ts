// KEYS pattern: every key matching the glob pattern, in one reply.
import { SCAN_ALL, argLen, argPtr } from "ferrite-sdk";
import { replyScannedKeys, scanKeys } from "../walk-keys";

export function run(_argc: i32, argv: usize): void {
  scanKeys(0, SCAN_ALL, argPtr(argv, 1), argLen(argv, 1), 0, 0);
  replyScannedKeys();
}
