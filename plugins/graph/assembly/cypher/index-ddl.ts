// CREATE INDEX / DROP INDEX: one exact-match index per (label or relationship type, property), with
// FalkorDB's statistics ("Indices created", "Indices deleted") and errors.
import { Clause } from "./ast";
import { Ctx } from "./context";
import { findName, internName } from "./entity";
import { fail, failed } from "./failure";
import { LABELS, PROP_KEYS, REL_TYPES } from "../store/names";
import { Index, indexCreate, indexDrop, indexFind } from "../store/index";
import { indexSupportsConstraint } from "../store/constraints";

export function runIndex(c: Clause, ctx: Ctx): void {
  const g = ctx.g;
  const onEdges = c.indexOnEdges;
  const names = onEdges ? REL_TYPES : LABELS;
  for (let i = 0; i < c.indexProps.length && !failed(); i++) {
    const prop = c.indexProps[i];
    if (c.indexDrop) {
      const label = findName(g, names, c.indexLabel), key = findName(g, PROP_KEYS, prop);
      const idx: Index | null = label < 0 || key < 0 ? null : indexFind(g, onEdges, <u32>label, <u32>key);
      if (idx === null) {
        fail("ERR Unable to drop index on :" + c.indexLabel + "(" + prop + "): no such index.");
        return;
      }
      if (indexSupportsConstraint(g, onEdges, <u32>label, <u32>key)) {
        fail("Index supports constraint");
        return;
      }
      indexDrop(g, idx);
      ctx.stats.indicesDeleted++;
    } else {
      const label = internName(g, names, c.indexLabel), key = internName(g, PROP_KEYS, prop);
      if (indexFind(g, onEdges, label, key) !== null) {
        fail("Attribute '" + prop + "' is already indexed");
        return;
      }
      indexCreate(g, onEdges, label, key);
      ctx.stats.indicesCreated++;
    }
  }
}
