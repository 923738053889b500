// The schema's names: labels, relationship types and property keys, each a table whose index is the id
// that compact replies carry and clients resolve with db.labels(), db.relationshipTypes() and
// db.propertyKeys(). Names are only ever added, as in FalkorDB.
import { Graph } from "./graph";
import { blobEquals, blobNew } from "./blob";
import { U32Vec, vecGet, vecPush } from "./u32-vec";

export const LABELS: i32 = 0;
export const REL_TYPES: i32 = 1;
export const PROP_KEYS: i32 = 2;

export function nameTable(g: Graph, which: i32): U32Vec {
  return changetype<U32Vec>(which == LABELS ? g.labels : which == REL_TYPES ? g.relTypes : g.propKeys);
}

export function nameCount(g: Graph, which: i32): u32 { return nameTable(g, which).len; }

/** The blob of name `id`. */
export function nameAt(g: Graph, which: i32, id: u32): usize { return vecGet(nameTable(g, which), id); }

/** The id of a name, or -1. */
export function nameFind(g: Graph, which: i32, ptr: usize, len: u32): i32 {
  const t = nameTable(g, which);
  for (let i: u32 = 0; i < t.len; i++) if (blobEquals(vecGet(t, i), ptr, len)) return <i32>i;
  return -1;
}

/** The id of a name, added when new. */
export function nameIntern(g: Graph, which: i32, ptr: usize, len: u32): u32 {
  const found = nameFind(g, which, ptr, len);
  if (found >= 0) return <u32>found;
  const t = nameTable(g, which);
  vecPush(g, t, <u32>blobNew(g, ptr, len));
  return t.len - 1;
}
