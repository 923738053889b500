// PERSIST key: 1 if a TTL was removed; 0 without the key or without a TTL.
import { NO_EXPIRE, argLen, argPtr, keyGetExpire, keySetExpire, replyInt } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  const key = argPtr(argv, 1);
  const keyLen = argLen(argv, 1);
  if (keyGetExpire(key, keyLen) < 0) {
    replyInt(0);
    return;
  }
  keySetExpire(key, keyLen, NO_EXPIRE);
  replyInt(1);
}
