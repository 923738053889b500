// JSON.MSET key path value [key path value ...]: JSON.SET for each triplet, all or none: every key's
// type, every path and every value are checked before the first write.
import { argLen, argPtr, ByteBuilder, replyArityError, replyError, replyOk, replyWrongType, FIND_WRITE } from "ferrite-sdk";
import { ERR_TOO_DEEP, findDoc, KEEP_PACKED, tooDeep } from "../document";
import { JSON_SET } from "../events";
import { liveBytes, nodeFree, nodeMemory } from "../node";
import { AS_PACKED, AS_TREE, ERR_ROOT, parseArg, pathOk } from "../replies";
import { isRootPath, SET_DONE, setAtPath } from "../set-value";

const values = new ByteBuilder();

function valueAt(t: i32): usize { return <usize>load<u32>(values.ptr + (<usize>t << 2)); }

function freeParsed(n: i32): void { for (let t = 0; t < n; t++) nodeFree(valueAt(t)); }

export function run(argc: i32, argv: usize): void {
  if ((argc - 1) % 3 != 0) { replyArityError(argv); return; }
  const triplets = (argc - 1) / 3;
  values.reset();
  for (let t = 0; t < triplets; t++) {
    const k = 1 + t * 3;
    const found = findDoc(argv, k, FIND_WRITE | KEEP_PACKED);
    if (found < 0) { freeParsed(t); replyWrongType(); return; }
    if (!pathOk(argv, k + 1)) { freeParsed(t); return; }
    if (found == 0 && !isRootPath(argPtr(argv, k + 1), argLen(argv, k + 1)) && !keyRootedEarlier(argv, t)) {
      freeParsed(t);
      replyError(ERR_ROOT);
      return;
    }
    const root = isRootPath(argPtr(argv, k + 1), argLen(argv, k + 1));
    const v = parseArg(argv, k + 2, root ? AS_PACKED : AS_TREE);
    if (v == 0) { freeParsed(t); return; }
    if (found > 0 && !root && tooDeep(<usize>found, v)) {
      nodeFree(v);
      freeParsed(t);
      replyError(ERR_TOO_DEEP);
      return;
    }
    store<u32>(values.reserve(4), <u32>v);
    values.len += 4;
  }
  for (let t = 0; t < triplets; t++) {
    const k = 1 + t * 3;
    const v = valueAt(t);
    const found = findDoc(argv, k, FIND_WRITE | KEEP_PACKED); // an earlier triplet may have created it
    // The value was built before: its bytes are what it adds, counted from before it.
    const mark = liveBytes - nodeMemory(v);
    if (setAtPath(argv, k, found > 0 ? <usize>found : 0, k + 1, v, false, false, mark) == SET_DONE) JSON_SET.emitArg(argv, k);
  }
  replyOk();
}

/** Whether an earlier triplet sets the root of the same (new) key, creating it. */
function keyRootedEarlier(argv: usize, t: i32): bool {
  const k = 1 + t * 3;
  for (let e = 0; e < t; e++) {
    const ek = 1 + e * 3;
    if (argLen(argv, ek) == argLen(argv, k) && memory.compare(argPtr(argv, ek), argPtr(argv, k), <usize>argLen(argv, k)) == 0 &&
      isRootPath(argPtr(argv, ek + 1), argLen(argv, ek + 1))) return true;
  }
  return false;
}
