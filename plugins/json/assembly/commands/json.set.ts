// JSON.SET key path value [NX|XX]: OK, or nil when NX/XX or the path prevented it.
import { argIs, argLen, argPtr, replyError, replyNull, replyOk, replyWrongType, ERR_SYNTAX, FIND_WRITE } from "ferrite-sdk";
import { ERR_TOO_DEEP, findDoc, KEEP_PACKED } from "../document";
import { JSON_SET } from "../events";
import { liveBytes, nodeFree } from "../node";
import { AS_PACKED, AS_TREE, ERR_ROOT, parseArg, pathOk } from "../replies";
import { isRootPath, SET_DONE, SET_NOT_ROOT, SET_SKIPPED, SET_TOO_DEEP, setAtPath } from "../set-value";

export function run(argc: i32, argv: usize): void {
  let nx = false, xx = false;
  for (let i = 4; i < argc; i++) {
    if (argIs(argv, i, "NX") && !nx && !xx) nx = true;
    else if (argIs(argv, i, "XX") && !nx && !xx) xx = true;
    else { replyError(ERR_SYNTAX); return; }
  }
  const found = findDoc(argv, 1, FIND_WRITE | KEEP_PACKED);
  if (found < 0) { replyWrongType(); return; }
  if (!pathOk(argv, 2)) return;
  const mark = liveBytes;
  const value = parseArg(argv, 3, isRootPath(argPtr(argv, 2), argLen(argv, 2)) ? AS_PACKED : AS_TREE);
  if (value == 0) return;
  const result = setAtPath(argv, 1, <usize>found, 2, value, nx, xx, mark);
  if (result == SET_NOT_ROOT) { nodeFree(value); replyError(ERR_ROOT); return; }
  if (result == SET_TOO_DEEP) { replyError(ERR_TOO_DEEP); return; }
  if (result == SET_SKIPPED) { replyNull(); return; }
  if (result == SET_DONE) JSON_SET.emitArg(argv, 1);
  replyOk();
}
