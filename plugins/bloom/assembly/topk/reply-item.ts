// A Top-K item in a reply: a simple string as RedisBloom sends it, or a bulk string when its bytes
// could not travel as one (CR or LF inside).
import { replyBulk, replySimpleBytes } from "ferrite-sdk";

export function replyItem(ptr: usize, len: u32): void {
  for (let i: u32 = 0; i < len; i++) {
    const c = load<u8>(ptr + i);
    if (c == 13 || c == 10) { replyBulk(ptr, <i32>len); return; }
  }
  replySimpleBytes(ptr, <i32>len);
}
