// CALL db.labels(), db.relationshipTypes(), db.propertyKeys(): the schema names in id order, which is
// how clients resolve the ids of compact replies.
import { Ctx } from "./context";
import { fail } from "./failure";
import { nameString } from "./entity";
import { LABELS, PROP_KEYS, REL_TYPES, nameCount } from "../store/names";
import { V, vString } from "./value";

const PROCEDURES = ["db.labels", "db.relationshiptypes", "db.propertykeys"];
const OUTPUTS = ["label", "relationshipType", "propertyKey"];

/** The procedure's index, or -1 with FalkorDB's error. */
export function procedureIndex(name: string, argc: i32): i32 {
  const i = PROCEDURES.indexOf(name.toLowerCase());
  if (i < 0) fail("Procedure `" + name + "` is not registered");
  else if (argc != 0) fail("Procedure `" + name + "` requires 0 arguments, got " + argc.toString());
  return i;
}

export function procedureOutput(i: i32): string { return OUTPUTS[i]; }

/** The procedure's rows: one value each (its single output). */
export function runProcedure(i: i32, ctx: Ctx): Array<V> {
  const out = new Array<V>();
  if (changetype<usize>(ctx.g) == 0) return out;
  const which = i == 0 ? LABELS : i == 1 ? REL_TYPES : PROP_KEYS;
  const n = nameCount(ctx.g, which);
  for (let id: u32 = 0; id < n; id++) out.push(vString(nameString(ctx.g, which, id)));
  return out;
}
