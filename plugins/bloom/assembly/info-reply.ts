// The INFO replies of every type here: label/value pairs, a map in RESP3 and a flat array in RESP2 (the
// host's fallback), labels as simple strings, as RedisBloom writes them.

import { replyInt, replyMap, replyNull, replySimple } from "ferrite-sdk";

export function infoBegin(fields: i32): void { replyMap(fields); }

export function infoInt(label: string, value: i64): void {
  replySimple(label);
  replyInt(value);
}

export function infoNull(label: string): void {
  replySimple(label);
  replyNull();
}
