// GRAPH.CONSTRAINT CREATE|DROP graph UNIQUE|MANDATORY NODE|RELATIONSHIP label PROPERTIES n p1 … pn, with
// FalkorDB's argument errors. CREATE replies PENDING as FalkorDB does; the check of the entities already
// there runs at once here and leaves the constraint OPERATIONAL or FAILED (db.constraints() shows it).
// A UNIQUE constraint needs an exact-match index on each of its properties (on nodes or edges, as the
// constraint is); an index a constraint uses cannot be dropped.
import {
  FIND_WRITE, MISSING, WRONGTYPE, argIs, argLen, argPtr, keyFindArg, keySetArg, parseI64, parsedI64, replyError, replyOk,
  replySimple, replyWrongType,
} from "ferrite-sdk";
import { GRAPH_TYPE } from "../graph-type";
import { EMPTY_KEY } from "../run-query";
import { Graph, graphCreate } from "../store/graph";
import { LABELS, PROP_KEYS, REL_TYPES, nameFind, nameIntern } from "../store/names";
import { FAILED, MANDATORY, OPERATIONAL, UNIQUE, constraintAdd, constraintFind, constraintRemove } from "../store/constraints";
import { indexFind } from "../store/index";
import { graphSatisfies } from "../cypher/constraint-check";

const FIRST_PROPERTY = 8;

/** [a-zA-Z_][a-zA-Z0-9_$]*, FalkorDB's PROPERTY_NAME_PATTERN for the label. */
function validName(ptr: usize, len: i32): bool {
  if (len == 0) return false;
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95;
    if (!(letter || (i > 0 && ((c >= 48 && c <= 57) || c == 36)))) return false;
  }
  return true;
}

function argText(argv: usize, i: i32): string { return String.UTF8.decodeUnsafe(argPtr(argv, i), argLen(argv, i)); }

/** Checks the arguments; "" when they are well formed, else FalkorDB's error. */
function argumentError(argc: i32, argv: usize): string {
  if (!argIs(argv, 1, "create") && !argIs(argv, 1, "drop")) return "Invalid constraint operation";
  if (!argIs(argv, 3, "unique") && !argIs(argv, 3, "mandatory")) return "Invalid constraint type";
  if (!argIs(argv, 4, "node") && !argIs(argv, 4, "relationship")) return "Invalid constraint entity type";
  if (!validName(argPtr(argv, 5), argLen(argv, 5))) return "Label name " + argText(argv, 5) + " is invalid";
  if (!argIs(argv, 6, "properties")) return "missing PROPERTIES argument";
  if (!parseI64(argPtr(argv, 7), argLen(argv, 7)) || parsedI64 < 1 || parsedI64 > 255) {
    return "Number of properties must be an integer between 1 and 255";
  }
  if (<i64>(argc - FIRST_PROPERTY) != parsedI64) return "Number of properties doesn't match property count";
  return "";
}

function create(argc: i32, argv: usize, g: Graph, unique: bool, onEdges: bool): void {
  const count = argc - FIRST_PROPERTY;
  const props = heap.alloc(<usize>count << 2);
  const schema = nameIntern(g, onEdges ? REL_TYPES : LABELS, argPtr(argv, 5), argLen(argv, 5));
  let indexed = true;
  for (let i = 0; i < count; i++) {
    const key = nameIntern(g, PROP_KEYS, argPtr(argv, FIRST_PROPERTY + i), argLen(argv, FIRST_PROPERTY + i));
    store<u32>(props + (<usize>i << 2), key);
    if (indexed && indexFind(g, onEdges, schema, key) === null) indexed = false;
  }
  const type = unique ? UNIQUE : MANDATORY;
  if (constraintFind(g, type, onEdges, schema, props, count) != 0) replyError("Constraint already exists");
  else if (unique && !indexed) replyError("missing supporting exact-match index");
  else {
    const c = constraintAdd(g, type, onEdges, OPERATIONAL, schema, props, count);
    if (!graphSatisfies(g, c)) store<u8>(c, FAILED, 2);
    replySimple("PENDING");
  }
  heap.free(props);
}

function drop(argc: i32, argv: usize, g: Graph, unique: bool, onEdges: bool): void {
  const count = argc - FIRST_PROPERTY;
  const props = heap.alloc(<usize>count << 2);
  const schema = nameFind(g, onEdges ? REL_TYPES : LABELS, argPtr(argv, 5), argLen(argv, 5));
  let known = schema >= 0;
  for (let i = 0; i < count && known; i++) {
    const key = nameFind(g, PROP_KEYS, argPtr(argv, FIRST_PROPERTY + i), argLen(argv, FIRST_PROPERTY + i));
    known = key >= 0;
    store<u32>(props + (<usize>i << 2), <u32>key);
  }
  const c = known ? constraintFind(g, unique ? UNIQUE : MANDATORY, onEdges, <u32>schema, props, count) : 0;
  if (c == 0) replyError("Unable to drop constraint, no such constraint.");
  else {
    constraintRemove(g, c);
    replyOk();
  }
  heap.free(props);
}

export function run(argc: i32, argv: usize): void {
  const error = argumentError(argc, argv);
  if (error.length > 0) {
    replyError(error);
    __collect();
    return;
  }
  const creating = argIs(argv, 1, "create");
  const handle = keyFindArg(argv, 2, GRAPH_TYPE, FIND_WRITE);
  if (handle == WRONGTYPE) {
    replyWrongType();
    return;
  }
  let g: Graph;
  if (handle == MISSING) {
    if (!creating) {
      replyError(EMPTY_KEY);
      return;
    }
    g = graphCreate(); // CREATE makes the graph, as FalkorDB's GraphContext_Retrieve does
    keySetArg(argv, 2, GRAPH_TYPE, <f64>changetype<usize>(g));
  } else g = changetype<Graph>(<usize>handle);
  const unique = argIs(argv, 3, "unique"), onEdges = argIs(argv, 4, "relationship");
  if (creating) create(argc, argv, g, unique, onEdges);
  else drop(argc, argv, g, unique, onEdges);
  __collect();
}
