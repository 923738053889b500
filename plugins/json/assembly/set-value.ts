// JSON.SET's write, shared with JSON.MSET: replace every (topmost) match, or, when nothing matches and
// the path ends in one key name, add that key to each object its parent path matches (RedisJSON adds a
// key only as the last step of a path: intermediate objects are not created).
import { argLen, argPtr, keySetArg } from "ferrite-sdk";
import { docNew, docRoot, docSettle, docThaw, JSON_TYPE, rootSlot, thawedBytes, tooDeep } from "./document";
import { isPacked, K_ARRAY, K_OBJECT, kind, nodeCopy, nodeFree, objPut, packedSpan } from "./node";
import { evalPath, lastName, matchCount, matchNode, parentEnd, setFilterRoot } from "./path";
import { MODE_REPLACE, writeMatches } from "./update";
import { ByteBuilder } from "ferrite-sdk";

export const SET_DONE: i32 = 0;
export const SET_SKIPPED: i32 = 1; // NX/XX, or a path that neither matched nor could be created: nil
export const SET_NOT_ROOT: i32 = 2; // a new key with a path other than the root
export const SET_TOO_DEEP: i32 = 3; // the value would nest the document past the limit

const name = new ByteBuilder();

/** Whether a path is the root: `$`, or the legacy `.`. */
export function isRootPath(ptr: usize, len: i32): bool {
  return len == 1 && (load<u8>(ptr) == 0x24 || load<u8>(ptr) == 0x2e);
}

/**
 * What a set below the root of a packed document can do without thawing it: SET_SKIPPED for NX over an
 * existing match; SET_DONE for a scalar over scalars of the same size (a boolean or null over either, a
 * number over a number, a string over one of equal length), written over them in place so the document
 * stays packed; -1, having changed nothing, for everything else (a tree, a container, another size).
 */
function setPacked(d: usize, ptr: usize, len: i32, value: usize, nx: bool): i32 {
  const root = docRoot(d);
  if (!isPacked(root)) return -1;
  setFilterRoot(root);
  evalPath(ptr, len, root, rootSlot(d));
  if (matchCount == 0) return -1;
  if (nx) return SET_SKIPPED;
  const k = kind(value);
  if (k == K_ARRAY || k == K_OBJECT) return -1;
  const size = packedSpan(value); // a scalar's bytes: the same in the tree and packed
  for (let i = 0; i < matchCount; i++) {
    const n = matchNode(i);
    const mk = kind(n);
    if (mk == K_ARRAY || mk == K_OBJECT || packedSpan(n) != size) return -1;
  }
  for (let i = 0; i < matchCount; i++) memory.copy(matchNode(i), value, size);
  return SET_DONE;
}

/**
 * Sets `value` (owned: it is stored or freed) at the path of argument `pathArg` in document `d` (0: the
 * key is missing), `mark` being liveBytes before `value` was built. The key is argument `keyArg`, found
 * with KEEP_PACKED: a value for the root replaces the document whole (packed: parseArg's `whole`), one
 * below it is a tree and the document is thawed first.
 */
export function setAtPath(argv: usize, keyArg: i32, d: usize, pathArg: i32, value: usize, nx: bool, xx: bool, mark: i64): i32 {
  const ptr = argPtr(argv, pathArg), len = argLen(argv, pathArg);
  const root = isRootPath(ptr, len);
  if (d == 0) {
    if (xx) { nodeFree(value); return SET_SKIPPED; }
    if (!root) return SET_NOT_ROOT;
    keySetArg(argv, keyArg, JSON_TYPE, <f64>docNew(value, mark));
    return SET_DONE;
  }
  if (!root) {
    const packed = setPacked(d, ptr, len, value, nx);
    if (packed >= 0) { nodeFree(value); return packed; }
    if (tooDeep(d, value)) { nodeFree(value); return SET_TOO_DEEP; }
    docThaw(d);
    mark += thawedBytes;
  }
  setFilterRoot(docRoot(d));
  evalPath(ptr, len, docRoot(d), rootSlot(d));
  if (matchCount > 0) {
    if (nx) { nodeFree(value); return SET_SKIPPED; }
    writeMatches(d, MODE_REPLACE, value);
    docSettle(d, mark);
    return SET_DONE;
  }
  if (xx) { nodeFree(value); return SET_SKIPPED; }
  const parent = parentEnd(ptr, len);
  if (parent < 0) { nodeFree(value); return SET_SKIPPED; }
  lastName(name);
  evalPath(ptr, parent, docRoot(d), rootSlot(d));
  let added = 0;
  for (let i = 0; i < matchCount; i++) {
    const o = matchNode(i);
    if (kind(o) != K_OBJECT) continue;
    objPut(o, name.ptr, name.len, added == 0 ? value : nodeCopy(value));
    added++;
  }
  if (added == 0) { nodeFree(value); return SET_SKIPPED; }
  docSettle(d, mark);
  return SET_DONE;
}
