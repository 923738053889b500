// SADD key member [member ...]: how many members were new.
import { argLen, argPtr, keyFindArg, keySetArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { SET_TYPE, setAdd, setCreate, setMaybeConvert } from "../set";
import { SADD } from "../events";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, SET_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const s = h == MISSING ? setCreate(argPtr(argv, 2), argLen(argv, 2), argc - 2) : <usize>h;
  if (h != MISSING) setMaybeConvert(s, argc - 2);
  let added = 0;
  for (let i = 2; i < argc; i++) if (setAdd(s, argPtr(argv, i), argLen(argv, i))) added++;
  if (h == MISSING) keySetArg(argv, 1, SET_TYPE, <f64>s);
  if (added > 0) SADD.emitArg(argv, 1);
  replyInt(added);
}
