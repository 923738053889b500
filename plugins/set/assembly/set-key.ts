// Looking sets up and binding them by argument index: the steps every command repeats.
import { argLen, argPtr, keyDelete, keyFind, keySet, replyInt } from "ferrite-sdk";
import { SET_TYPE, setSize } from "./set";
import { freeTemp, keepTemp } from "./temp-set";
import { KeyEvent } from "ferrite-sdk";

/** The set at the key in argument i: a handle, MISSING or WRONGTYPE. */
export function findSet(argv: usize, i: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), SET_TYPE, flags);
}

/** Binds a new set to the key in argument i, whatever it held, clearing its TTL. */
export function bindSet(argv: usize, i: i32, s: usize): void {
  keySet(argPtr(argv, i), argLen(argv, i), SET_TYPE, <f64>s);
}

/** Deletes the key in argument i when its set was emptied: Redis never keeps an empty set. */
export function dropIfEmpty(argv: usize, i: i32, s: usize): void {
  if (setSize(s) == 0) keyDelete(argPtr(argv, i), argLen(argv, i));
}

/**
 * The *STORE commands' ending: bind the result, a temporary set, and raise `event` (an empty one deletes
 * the key instead); reply its size.
 */
export function storeResult(argv: usize, i: i32, s: usize, event: KeyEvent): void {
  const size = setSize(s);
  if (size == 0) {
    freeTemp();
    keyDelete(argPtr(argv, i), argLen(argv, i));
  } else {
    keepTemp();
    bindSet(argv, i, s);
    event.emitArg(argv, i);
  }
  replyInt(size);
}
