// ZREM key member [member ...]
import { argLen, argPtr, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { deleteIfEmpty, findZset } from "../zset-key";
import { zsDelete, zsFind } from "../zset";
import { ZREM } from "../events";

export function run(argc: i32, argv: usize): void {
  const h = findZset(argv, 1, FIND_WRITE);
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
  deleteIfEmpty(argv, 1, z);
  replyInt(removed);
}
