// shortestPath((a)-[:R*min..max]->(b)) in WITH/RETURN and MATCH p = allShortestPaths(…), as FalkorDB
// allows them: both ends bound, one directed relationship, a minimal length of 0 or 1 (1 for all
// paths). A breadth-first search from a over the relationship's types and direction records, per node,
// its depth and the edges reaching it from the layer before (stopping at b for one path, after b's
// layer for all); one path or every shortest one is read back from b.
import { DIR_BOTH, DIR_IN, PathPattern, RelPattern } from "./ast";
import { Ctx } from "./context";
import { edgeTypeId, findName } from "./entity";
import { fail, failed } from "./failure";
import { Row } from "./row";
import { E_DST, E_SRC, edgeRec } from "../store/graph";
import { nodeEdges } from "../store/entities";
import { REL_TYPES } from "../store/names";
import { vecGet } from "../store/u32-vec";
import { EDGE, NODE, NULL, NULL_VALUE, V, vEntity, vList, vPath } from "./value";

/**
 * The search's result, in arrays indexed by node id (a map per node cost more than the walk): depth (-1:
 * not reached), the first edge and node reaching each node from the layer before, and for
 * allShortestPaths the further ones, as (edge, node) pairs.
 */
class Search {
  depth: Int32Array;
  edge: Uint32Array;
  from: Uint32Array;
  more: Map<u32, Array<u32>> = new Map();
  constructor(nodes: u32) {
    this.depth = new Int32Array(nodes).fill(-1);
    this.edge = new Uint32Array(nodes);
    this.from = new Uint32Array(nodes);
  }
}

function endNode(row: Row, name: string, what: string): i64 {
  const v = row.get(name);
  if (v === null || v.kind == NULL) return -1;
  if (v.kind != NODE) {
    fail(what);
    return -1;
  }
  return v.i;
}

function checkPattern(p: PathPattern, all: bool): RelPattern | null {
  if (p.rels.length != 1) {
    fail("shortestPath requires a path containing a single relationship");
    return null;
  }
  const r = p.rels[0];
  if (r.dir == DIR_BOTH) {
    fail("FalkorDB does not currently support undirected shortestPath traversals");
    return null;
  }
  if (all ? r.minHops != 1 : r.minHops > 1) {
    fail(all ? "allShortestPaths(...) does not support a minimal length different from 1" : "shortestPath does not support a minimal length different from 0 or 1");
    return null;
  }
  if (r.props !== null) {
    fail("FalkorDB does not currently support filters on relationships in shortestPath");
    return null;
  }
  return r;
}

/** Breadth-first from `src` until `dst`'s layer is complete (or `maxHops`, -1: no bound). */
function search(ctx: Ctx, r: RelPattern, src: u32, dst: u32, all: bool): Search {
  const g = ctx.g;
  const s = new Search(g.nodeSlots);
  const types = new Array<i32>();
  for (let i = 0; i < r.types.length; i++) types.push(findName(g, REL_TYPES, r.types[i]));
  const outgoing = r.dir != DIR_IN;
  s.depth[src] = 0;
  let layer = [src];
  let found = false;
  for (let d = 1; layer.length > 0 && !found && (r.maxHops < 0 || d <= r.maxHops) && !failed(); d++) {
    const next = new Array<u32>();
    for (let i = 0; i < layer.length && ctx.tick() && !(found && !all); i++) {
      const list = nodeEdges(g, layer[i], outgoing);
      if (changetype<usize>(list) == 0) continue;
      for (let j: u32 = 0; j < list.len; j++) {
        const e = vecGet(list, j);
        if (types.length > 0 && !types.includes(<i32>edgeTypeId(g, e))) continue;
        const other = load<u32>(edgeRec(g, e) + (outgoing ? E_DST : E_SRC));
        if (s.depth[other] < 0) {
          s.depth[other] = d;
          s.edge[other] = e;
          s.from[other] = layer[i];
          next.push(other);
          if (other == dst) {
            found = true;
            if (!all) break;
          }
        } else if (all && s.depth[other] == d) {
          if (!s.more.has(other)) s.more.set(other, []);
          const p = s.more.get(other);
          p.push(e);
          p.push(layer[i]);
        }
      }
    }
    layer = next;
  }
  return s;
}

/** Every path from the search's source to `node`, as reversed (node, edge, …) sequences, into `out`. */
function collect(s: Search, node: u32, tail: Array<V>, out: Array<Array<V>>, all: bool): void {
  tail.push(vEntity(NODE, node));
  if (s.depth[node] == 0) out.push(tail.slice(0).reverse());
  else {
    const p = [s.edge[node], s.from[node]];
    if (all && s.more.has(node)) {
      const more = s.more.get(node);
      for (let i = 0; i < more.length; i++) p.push(more[i]);
    }
    for (let i = 0; i < p.length && (all || out.length == 0); i += 2) {
      tail.push(vEntity(EDGE, p[i]));
      collect(s, p[i + 1], tail, out, all);
      tail.pop();
    }
  }
  tail.pop();
}

/** shortestPath(pattern) for a row: a path, or null when the ends are null or not connected. */
export function shortestPath(p: PathPattern, row: Row, ctx: Ctx): V {
  const r = checkPattern(p, false);
  if (r === null) return NULL_VALUE;
  const src = endNode(row, p.nodes[0].variable, "A shortestPath requires bound nodes");
  const dst = endNode(row, p.nodes[1].variable, "A shortestPath requires bound nodes");
  if (src < 0 || dst < 0) {
    if (!row.has(p.nodes[0].variable) || !row.has(p.nodes[1].variable)) fail("A shortestPath requires bound nodes");
    return NULL_VALUE;
  }
  if (src == dst && r.minHops == 0) return vPath([vEntity(NODE, src)]);
  const s = search(ctx, r, <u32>src, <u32>dst, false);
  if (s.depth[<u32>dst] <= 0) return NULL_VALUE;
  const paths = new Array<Array<V>>();
  collect(s, <u32>dst, [], paths, false);
  return vPath(paths[0]);
}

/** MATCH p = allShortestPaths(pattern): one row per shortest path, extending `row`. */
export function allShortestPaths(p: PathPattern, row: Row, ctx: Ctx, out: Array<Row>): void {
  const r = checkPattern(p, true);
  if (r === null) return;
  const src = endNode(row, p.nodes[0].variable, ""), dst = endNode(row, p.nodes[1].variable, "");
  if (!row.has(p.nodes[0].variable) || !row.has(p.nodes[1].variable)) {
    fail("Source and destination must already be resolved to call allShortestPaths");
    return;
  }
  if (src < 0 || dst < 0 || src == dst) return;
  const s = search(ctx, r, <u32>src, <u32>dst, true);
  if (s.depth[<u32>dst] <= 0) return;
  const paths = new Array<Array<V>>();
  collect(s, <u32>dst, [], paths, true);
  for (let i = 0; i < paths.length; i++) {
    const o = row.clone();
    if (p.variable != "") o.set(p.variable, vPath(paths[i]));
    const edges = new Array<V>();
    for (let k = 1; k < paths[i].length; k += 2) edges.push(paths[i][k]);
    o.set(r.variable, vList(edges));
    out.push(o);
  }
}
