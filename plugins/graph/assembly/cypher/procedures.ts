// CALL db.labels(), db.relationshipTypes(), db.propertyKeys(): the schema names in id order, which is
// how clients resolve the ids of compact replies; db.indexes(): the graph's indexes with FalkorDB's
// columns (every index here is an exact-match index, FalkorDB's RANGE type; node labels first, then
// relationship types, each in id order); db.constraints(): the graph's constraints.
import { Ctx } from "./context";
import { fail } from "./failure";
import { nameString } from "./entity";
import { LABELS, PROP_KEYS, REL_TYPES, nameCount } from "../store/names";
import { indexAt, indexCount } from "../store/index";
import { OPERATIONAL, UNIQUE, cCount, cOnEdges, cProp, cSchema, cStatus, cType, constraintAt, constraintCount } from "../store/constraints";
import { NULL_VALUE, V, vList, vMap, vString } from "./value";

const PROCEDURES = ["db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints"];
const OUTPUTS: Array<Array<string>> = [
  ["label"],
  ["relationshipType"],
  ["propertyKey"],
  ["label", "properties", "types", "options", "language", "stopwords", "entitytype", "status", "info"],
  ["type", "label", "properties", "entitytype", "status"],
];
const DB_INDEXES = 3;
const DB_CONSTRAINTS = 4;

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
  // one row per label, then per relationship type; a schema is (on edges) * 2^32 + its id
  const labels = new Array<u64>();
  for (let i: u32 = 0; i < n; i++) {
    const idx = indexAt(g, i);
    const schema = (<u64>idx.onEdges << 32) | <u64>idx.label;
    if (!labels.includes(schema)) labels.push(schema);
  }
  labels.sort((a: u64, b: u64): i32 => (a < b ? -1 : a > b ? 1 : 0));
  for (let l = 0; l < labels.length; l++) {
    const onEdges = <u32>(labels[l] >> 32), label = <u32>labels[l];
    const props = new Array<V>();
    const typeKeys = new Array<string>();
    const typeValues = new Array<V>();
    for (let i: u32 = 0; i < n; i++) {
      const idx = indexAt(g, i);
      if (idx.label != label || idx.onEdges != onEdges) continue;
      const name = nameString(g, PROP_KEYS, idx.prop);
      props.push(vString(name));
      typeKeys.push(name);
      typeValues.push(vList([vString("RANGE")]));
    }
    out.push([
      vString(nameString(g, onEdges != 0 ? REL_TYPES : LABELS, label)), vList(props), vMap(typeKeys, typeValues), NULL_VALUE,
      NULL_VALUE, NULL_VALUE, vString(onEdges != 0 ? "RELATIONSHIP" : "NODE"), vString("OPERATIONAL"), NULL_VALUE,
    ]);
  }
  return out;
}

/** One row per constraint: its type, label (or relationship type), properties, entity type and status. */
function constraintRows(ctx: Ctx): Array<Array<V>> {
  const out = new Array<Array<V>>();
  const g = ctx.g;
  const n = constraintCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const c = constraintAt(g, i);
    const props = new Array<V>();
    for (let k: u32 = 0; k < cCount(c); k++) props.push(vString(nameString(g, PROP_KEYS, cProp(c, k))));
    out.push([
      vString(cType(c) == UNIQUE ? "UNIQUE" : "MANDATORY"), vString(nameString(g, cOnEdges(c) ? REL_TYPES : LABELS, cSchema(c))),
      vList(props), vString(cOnEdges(c) ? "RELATIONSHIP" : "NODE"), vString(cStatus(c) == OPERATIONAL ? "OPERATIONAL" : "FAILED"),
    ]);
  }
  return out;
}

/** The procedure's rows, a value per output. */
export function runProcedure(i: i32, ctx: Ctx): Array<Array<V>> {
  if (changetype<usize>(ctx.g) == 0) return new Array<Array<V>>();
  if (i == DB_INDEXES) return indexRows(ctx);
  if (i == DB_CONSTRAINTS) return constraintRows(ctx);
  const out = new Array<Array<V>>();
  const which = i == 0 ? LABELS : i == 1 ? REL_TYPES : PROP_KEYS;
  const n = nameCount(ctx.g, which);
  for (let id: u32 = 0; id < n; id++) out.push([vString(nameString(ctx.g, which, id))]);
  return out;
}
