// FT.EXPLAIN's text for a query tree, in RediSearch's layout: one node per line, children indented by
// two spaces inside `KIND {` … `}`. FT.EXPLAINCLI replies the same lines as an array.
import { ByteBuilder, formatDouble } from "ferrite-sdk";
import { strLen, strPtr } from "../bytes";
import { Index, fieldAt } from "../index-spec";
import { Field, TEXT } from "../schema";
import { ALL_FIELDS, Q_AND, Q_FUZZY, Q_GEO, Q_KNN, Q_NOT, Q_NUMERIC, Q_OPTIONAL, Q_OR, Q_PHRASE, Q_PREFIX, Q_TAG, Q_TERM, Q_VECTOR_RANGE, Q_WILDCARD, QueryNode } from "./node";

export const explained = new ByteBuilder();
let x: Index = changetype<Index>(0);

export function explain(index: Index, root: QueryNode): void {
  x = index;
  explained.reset();
  node(root, 0);
}

function indent(depth: i32): void { for (let i = 0; i < depth; i++) explained.ascii("  "); }

function num(v: f64): void {
  if (v == Infinity) { explained.ascii("inf"); return; }
  if (v == -Infinity) { explained.ascii("-inf"); return; }
  explained.len += formatDouble(v, explained.reserve(32));
}

/** `@a|b:` before a text node limited to some fields. */
function fields(mask: u32): void {
  if (mask == ALL_FIELDS) return;
  explained.byte(64);
  let first = true;
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.type != TEXT || f.textBit < 0 || (mask & (<u32>1 << <u32>f.textBit)) == 0) continue;
    if (!first) explained.byte(124);
    explained.bytes(strPtr(f.name), strLen(f.name));
    first = false;
  }
  explained.byte(58);
}

function group(n: QueryNode, name: string, depth: i32): void {
  explained.ascii(name);
  explained.ascii(" {\n");
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) node(changetype<QueryNode>(c), depth + 1);
  indent(depth);
  explained.ascii("}\n");
}

function node(n: QueryNode, depth: i32): void {
  indent(depth);
  switch (n.kind) {
    case Q_TERM: fields(n.mask); explained.bytes(n.str, n.strLen); explained.byte(10); break;
    case Q_FUZZY: explained.ascii("FUZZY{"); fields(n.mask); explained.bytes(n.str, n.strLen); explained.ascii("}\n"); break;
    case Q_PREFIX: explained.ascii("PREFIX{"); fields(n.mask); explained.bytes(n.str, n.strLen); explained.ascii("*}\n"); break;
    case Q_PHRASE: fields(n.mask); group(n, "EXACT", depth); break;
    case Q_AND: group(n, "INTERSECT", depth); break;
    case Q_OR: group(n, "UNION", depth); break;
    case Q_NOT: group(n, "NOT", depth); break;
    case Q_OPTIONAL: group(n, "OPTIONAL", depth); break;
    case Q_TAG: {
      const f = changetype<Field>(n.field);
      explained.ascii("TAG:@");
      explained.bytes(strPtr(f.name), strLen(f.name));
      explained.ascii(" {\n");
      for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
        const v = changetype<QueryNode>(c);
        indent(depth + 1);
        explained.bytes(v.str, v.strLen);
        if (v.prefix) explained.byte(42);
        explained.byte(10);
      }
      indent(depth);
      explained.ascii("}\n");
      break;
    }
    case Q_NUMERIC: {
      const f = changetype<Field>(n.field);
      explained.ascii("NUMERIC {");
      num(n.min);
      explained.ascii(n.minExclusive ? " < @" : " <= @");
      explained.bytes(strPtr(f.name), strLen(f.name));
      explained.ascii(n.maxExclusive ? " < " : " <= ");
      num(n.max);
      explained.ascii("}\n");
      break;
    }
    case Q_GEO: {
      const f = changetype<Field>(n.field);
      explained.ascii("GEO ");
      explained.bytes(strPtr(f.name), strLen(f.name));
      explained.ascii(":{");
      num(n.lon); explained.byte(44); num(n.lat);
      explained.ascii(" --> ");
      num(n.radius);
      explained.ascii(" m}\n");
      break;
    }
    case Q_WILDCARD: explained.ascii("<WILDCARD>\n"); break;
    case Q_KNN:
    case Q_VECTOR_RANGE: {
      const f = changetype<Field>(n.field);
      explained.ascii(n.kind == Q_KNN ? "VECTOR {K=" : "VECTOR {Vectors that are within ");
      num(n.max);
      explained.ascii(n.kind == Q_KNN ? " nearest vectors to `$vector` in @" : " distance radius from `$vector` in @");
      explained.bytes(strPtr(f.name), strLen(f.name));
      explained.ascii("}\n");
      if (n.child != 0) node(changetype<QueryNode>(n.child), depth + 1);
      break;
    }
    default: explained.ascii("<empty>\n"); // Q_EMPTY
  }
}
