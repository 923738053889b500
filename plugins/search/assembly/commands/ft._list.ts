// FT._LIST: the index names (a set in RESP3).
import { protocol, replyArray, replyBulk, replySet } from "ferrite-sdk";
import { strLen, strPtr } from "../bytes";
import { indexAt, indexCount } from "../registry";

export function run(_argc: i32, _argv: usize): void {
  const n = indexCount();
  if (protocol() == 3) replySet(n); else replyArray(n);
  for (let i = 0; i < n; i++) {
    const x = indexAt(i);
    replyBulk(strPtr(x.name), strLen(x.name));
  }
}
