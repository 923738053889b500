// JSON.MERGE key path value: RFC 7396 merge patch of value into each match: an object patch merges key
// by key (a null removes the key), anything else replaces. A null patch at a path deletes what it
// matches; a missing key is created when the path is the root.
import { argLen, argPtr, keySetArg, replyError, replyNull, replyOk, replyWrongType, ERR_SYNTAX, FIND_WRITE } from "ferrite-sdk";
import { docNew, docRoot, docSettle, ERR_TOO_DEEP, findDoc, JSON_TYPE, rootSlot, tooDeep } from "../document";
import { JSON_MERGE } from "../events";
import {
  count, K_NULL, K_OBJECT, keyBytes, keyLen, kind, liveBytes, nodeCopy, nodeFree, objFind, objKey, objNew, objPut, objRemove,
  objSlot, objVal,
} from "../node";
import { evalPath, matchCount, matchSlot, setFilterRoot } from "../path";
import { ERR_ROOT, parseArg, pathOk } from "../replies";
import { isRootPath, SET_DONE, setAtPath } from "../set-value";
import { MODE_DELETE, writeMatches } from "../update";

/** Merges `patch` (not kept) into the value held at `slot`. */
function merge(slot: usize, patch: usize): void {
  const target = <usize>load<u32>(slot);
  if (kind(patch) != K_OBJECT) {
    nodeFree(target);
    store<u32>(slot, <u32>nodeCopy(patch));
    return;
  }
  let into = target;
  if (kind(target) != K_OBJECT) {
    nodeFree(target);
    into = objNew();
    store<u32>(slot, <u32>into);
  }
  const n = count(patch);
  for (let i = 0; i < n; i++) {
    const key = objKey(patch, i);
    const v = objVal(patch, i);
    const j = objFind(into, keyBytes(key), keyLen(key));
    if (kind(v) == K_NULL) {
      if (j >= 0) objRemove(into, j);
    } else if (j >= 0) {
      merge(objSlot(into, j), v);
    } else {
      objPut(into, keyBytes(key), keyLen(key), withoutNulls(v));
    }
  }
}

/** A copy of a patch value to add where nothing was: its object members set to null dropped (RFC 7396). */
function withoutNulls(v: usize): usize {
  if (kind(v) != K_OBJECT) return nodeCopy(v);
  const o = objNew();
  const n = count(v);
  for (let i = 0; i < n; i++) {
    const key = objKey(v, i);
    if (kind(objVal(v, i)) != K_NULL) objPut(o, keyBytes(key), keyLen(key), withoutNulls(objVal(v, i)));
  }
  return o;
}

export function run(argc: i32, argv: usize): void {
  if (argc > 4) { replyError(ERR_SYNTAX); return; }
  const found = findDoc(argv, 1, FIND_WRITE);
  if (found < 0) { replyWrongType(); return; }
  if (!pathOk(argv, 2)) return;
  const mark = liveBytes;
  const patch = parseArg(argv, 3);
  if (patch == 0) return;
  const root = isRootPath(argPtr(argv, 2), argLen(argv, 2));
  if (found == 0) {
    if (!root) { nodeFree(patch); replyError(ERR_ROOT); return; }
    const value = withoutNulls(patch);
    nodeFree(patch);
    keySetArg(argv, 1, JSON_TYPE, <f64>docNew(value, mark));
    JSON_MERGE.emitArg(argv, 1);
    replyOk();
    return;
  }
  const d = <usize>found;
  if (!root && tooDeep(d, patch)) { nodeFree(patch); replyError(ERR_TOO_DEEP); return; }
  setFilterRoot(docRoot(d));
  evalPath(argPtr(argv, 2), argLen(argv, 2), docRoot(d), rootSlot(d));
  if (matchCount == 0) {
    // Nothing to merge into: a key the path's last step names is added, as JSON.SET would.
    if (kind(patch) == K_NULL) { nodeFree(patch); replyNull(); return; }
    const value = withoutNulls(patch);
    nodeFree(patch);
    if (setAtPath(argv, 1, d, 2, value, true, false, mark) != SET_DONE) { replyNull(); return; }
    JSON_MERGE.emitArg(argv, 1);
    replyOk();
    return;
  }
  if (kind(patch) == K_NULL && !root) {
    writeMatches(d, MODE_DELETE, 0);
  } else {
    for (let i = 0; i < matchCount; i++) merge(matchSlot(i), patch);
  }
  nodeFree(patch);
  docSettle(d, mark);
  JSON_MERGE.emitArg(argv, 1);
  replyOk();
}
