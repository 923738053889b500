// FT.DROPINDEX index [DD]: forgets the index (and its aliases); DD also deletes its documents' keys.
import { argIs, argLen, argPtr, callArg, callArgLiteral, callBegin, callRun, replyError, replyOk } from "ferrite-sdk";
import { strLen, strPtr } from "../bytes";
import { ERR_UNKNOWN_INDEX } from "../errors";
import { docAt, indexFree } from "../index-spec";
import { aliasDelete, findIndex, registryRemove } from "../registry";
import { listGet } from "../u32-list";

export function run(argc: i32, argv: usize): void {
  if (argc > 3 || (argc == 3 && !argIs(argv, 2, "DD"))) { replyError("ERR syntax error"); return; }
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  if (argc == 3) {
    for (let id = 1; id < x.docs.len; id++) {
      const d = docAt(x, <u32>id);
      if (d == null) continue;
      callBegin();
      callArgLiteral("DEL");
      callArg(strPtr(d.key), strLen(d.key));
      callRun();
    }
  }
  for (let i = 0; i < x.aliases.len; i++) {
    const a = <usize>listGet(x.aliases, i);
    aliasDelete(strPtr(a), strLen(a));
  }
  registryRemove(x);
  indexFree(x);
  replyOk();
}
