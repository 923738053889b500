// JSON.TYPE key [path]: RedisJSON's type name of each match (legacy: of the first, nil if none).
// RESP3 nests the JSONPath answer one level deeper, as RedisJSON does.
import { protocol, replyArray, replyBulk, replyNull, replySimple } from "ferrite-sdk";
import { legacy, matchCount, matchNode } from "../path";
import { OPEN_OK, openPath } from "../query";
import { typeName } from "../serialize";
import { out } from "../replies";

export function run(argc: i32, argv: usize): void {
  const status = openPath(argc, argv, 2, 0);
  if (status != OPEN_OK) { if (status != -1) replyNull(); return; }
  if (legacy) {
    if (matchCount == 0) replyNull();
    else replySimple(typeName(matchNode(0)));
    return;
  }
  if (protocol() == 3) replyArray(1);
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    out.reset();
    out.ascii(typeName(matchNode(i)));
    replyBulk(out.ptr, out.len);
  }
}
