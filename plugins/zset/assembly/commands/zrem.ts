// ZREM key member [member ...]
import { argLen, argPtr, keyDropArgIfEmpty, keyFindArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { zsCard, zsDelete, zsFind } from "../zset";
import { ZREM } from "../events";
import { ZSET_TYPE } from "../zset-key";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const z = <usize>h;
  let removed = 0;
  for (let i = 2; i < argc; i++) {
    const c = zsFind(z, argPtr(argv, i), argLen(argv, i));
    if (c == 0) continue;
    zsDelete(z, c);
    removed++;
  }
  if (removed > 0) ZREM.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, zsCard(z));
  replyInt(removed);
}
