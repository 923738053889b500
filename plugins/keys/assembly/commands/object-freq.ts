// OBJECT FREQ key: the LFU counter, which Redis reports only under an LFU maxmemory policy. Ferrite has
// no eviction policy yet and behaves as noeviction, so an existing key gets Redis's error.
import { MISSING, OBJECT_FREQ, argLen, argPtr, keyObject, replyError, replyNull } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  if (keyObject(argPtr(argv, 2), argLen(argv, 2), OBJECT_FREQ) == MISSING) {
    replyNull();
    return;
  }
  replyError("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");
}
