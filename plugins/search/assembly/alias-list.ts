// An index's own list of its aliases (FT.INFO shows none, but FT.DROPINDEX drops them and aux_save
// keeps them).
import { strFree, strIs } from "./bytes";
import { Index } from "./index-spec";
import { listGet, listRemoveAt } from "./u32-list";

export function forgetAlias(x: Index, alias: usize, aliasLen: i32): void {
  for (let i = 0; i < x.aliases.len; i++) {
    const a = <usize>listGet(x.aliases, i);
    if (strIs(a, alias, aliasLen)) {
      strFree(a);
      listRemoveAt(x.aliases, i);
      return;
    }
  }
}
