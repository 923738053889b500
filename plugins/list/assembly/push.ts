// LPUSH / RPUSH / LPUSHX / RPUSHX.

import { argLen, argPtr, keyFindArg, keySetArg, replyInt, replyWrongType, signalKeyReady, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { listLen, listNew } from "./header";
import { growEncoding, listPush } from "./list";
import { pushEvent } from "./events";
import { LIST_TYPE } from "./list-key";

/** Pushes arguments 2.. at the `where` end; `onlyExisting` (the X variants) leaves a missing key alone. */
export function pushCommand(argc: i32, argv: usize, where: i32, onlyExisting: bool): void {
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING && onlyExisting) { replyInt(0); return; }
  const l = h == MISSING ? listNew() : <usize>h;
  let bytes: i64 = 0;
  for (let i = 2; i < argc; i++) bytes += argLen(argv, i);
  growEncoding(l, bytes, argc - 2);
  for (let i = 2; i < argc; i++) listPush(l, where, argPtr(argv, i), argLen(argv, i));
  // keySet wakes the clients blocked on a new list; growing one in place must say so.
  if (h == MISSING) keySetArg(argv, 1, LIST_TYPE, <f64>l);
  else signalKeyReady(argPtr(argv, 1), argLen(argv, 1));
  pushEvent(where).emitArg(argv, 1);
  replyInt(listLen(l));
}
