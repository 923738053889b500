// Map projections, `n {.name, .age, x: 1, v, .*}`: a map built from a node, an edge or a map. Entries
// come in the order written, `.*` standing for all the subject's properties; a key written twice keeps
// its first place and its last value. A null subject projects to null; another value fails with
// FalkorDB's EMSG_UNHANDLED_TYPE_MAP_PROJECTION.
import { Expr } from "./ast";
import { Ctx } from "./context";
import { propertiesOf } from "./entity";
import { evaluate } from "./eval";
import { fail } from "./failure";
import { Row } from "./row";
import { EDGE, MAP, NODE, NULL, NULL_VALUE, V, vMap } from "./value";

function put(keys: Array<string>, vals: Array<V>, key: string, v: V): void {
  const at = keys.indexOf(key);
  if (at >= 0) vals[at] = v;
  else {
    keys.push(key);
    vals.push(v);
  }
}

export function mapProjection(e: Expr, row: Row, ctx: Ctx): V {
  const subject = evaluate(e.arg(0), row, ctx);
  if (subject.kind == NULL) return NULL_VALUE;
  const isEntity = subject.kind == NODE || subject.kind == EDGE;
  if (!isEntity && subject.kind != MAP) {
    fail("Encountered unhandled type when trying to read map projection identifier");
    return NULL_VALUE;
  }
  const keys = new Array<string>(), vals = new Array<V>();
  for (let i = 0; i < e.keys.length; i++) {
    const item = e.args[i + 1];
    if (item === null) {
      const all = isEntity ? propertiesOf(ctx.g, subject.kind, <u32>subject.i) : subject;
      for (let k = 0; k < all.keys!.length; k++) put(keys, vals, all.keys![k], all.items![k]);
    } else put(keys, vals, e.keys[i], evaluate(item, row, ctx));
  }
  return vMap(keys, vals);
}
