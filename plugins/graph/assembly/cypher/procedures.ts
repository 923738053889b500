// CALL db.labels(), db.relationshipTypes(), db.propertyKeys(): the schema names in id order, which is
// how clients resolve the ids of compact replies; db.indexes(): the graph's indexes with FalkorDB's
// columns (every index here is an exact-match index on a node label, FalkorDB's RANGE type).
import { Ctx } from "./context";
import { fail } from "./failure";
import { nameString } from "./entity";
import { LABELS, PROP_KEYS, REL_TYPES, nameCount } from "../store/names";
import { indexAt, indexCount } from "../store/index";
import { NULL_VALUE, V, vList, vMap, vString } from "./value";

const PROCEDURES = ["db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes"];
const OUTPUTS: Array<Array<string>> = [
  ["label"],
  ["relationshipType"],
  ["propertyKey"],
  ["label", "properties", "types", "options", "language", "stopwords", "entitytype", "status", "info"],
];
const DB_INDEXES = 3;

/** The procedure's index, or -1 with FalkorDB's error. */
export function procedureIndex(name: string, argc: i32): i32 {
  const i = PROCEDURES.indexOf(name.toLowerCase());
  if (i < 0) fail("Procedure `" + name + "` is not registered");
  else if (argc != 0) fail("Procedure `" + name + "` requires 0 arguments, got " + argc.toString());
  return i;
}

export function procedureOutputs(i: i32): Array<string> { return OUTPUTS[i]; }

/** One row per index, its properties grouped under their label as FalkorDB lists them. */
function indexRows(ctx: Ctx): Array<Array<V>> {
  const out = new Array<Array<V>>();
  const g = ctx.g;
  const n = indexCount(g);
  const labels = new Array<u32>();
  for (let i: u32 = 0; i < n; i++) if (!labels.includes(indexAt(g, i).label)) labels.push(indexAt(g, i).label);
  for (let l = 0; l < labels.length; l++) {
    const props = new Array<V>();
    const typeKeys = new Array<string>();
    const typeValues = new Array<V>();
    for (let i: u32 = 0; i < n; i++) {
      const idx = indexAt(g, i);
      if (idx.label != labels[l]) continue;
      const name = nameString(g, PROP_KEYS, idx.prop);
      props.push(vString(name));
      typeKeys.push(name);
      typeValues.push(vList([vString("RANGE")]));
    }
    out.push([
      vString(nameString(g, LABELS, labels[l])), vList(props), vMap(typeKeys, typeValues), NULL_VALUE, NULL_VALUE, NULL_VALUE,
      vString("NODE"), vString("OPERATIONAL"), NULL_VALUE,
    ]);
  }
  return out;
}

/** The procedure's rows, a value per output. */
export function runProcedure(i: i32, ctx: Ctx): Array<Array<V>> {
  if (changetype<usize>(ctx.g) == 0) return new Array<Array<V>>();
  if (i == DB_INDEXES) return indexRows(ctx);
  const out = new Array<Array<V>>();
  const which = i == 0 ? LABELS : i == 1 ? REL_TYPES : PROP_KEYS;
  const n = nameCount(ctx.g, which);
  for (let id: u32 = 0; id < n; id++) out.push([vString(nameString(ctx.g, which, id))]);
  return out;
}
