// Dropping an index (FT.DROPINDEX, and the legacy FT.DROP that redis-py 4.3 still sends): its aliases
// go with it, and with `deleteDocs` the keys of its documents too.
import { callArg, callArgLiteral, callBegin, callRun } from "ferrite-sdk";
import { strLen, strPtr } from "./bytes";
import { Index, docAt, indexFree } from "./index-spec";
import { aliasDelete, registryRemove } from "./registry";
import { listGet } from "./u32-list";
import { closeIndexCursors } from "./aggregate/cursors";
import { synonymsForget } from "./synonym/synonyms";
import { forgetFilter } from "./create-filter";

export function dropIndex(x: Index, deleteDocs: bool): void {
  if (deleteDocs) {
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
  synonymsForget(x);
  closeIndexCursors(changetype<usize>(x));
  forgetFilter(x);
  indexFree(x);
}
