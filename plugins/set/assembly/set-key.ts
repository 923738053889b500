// The *STORE commands' ending, which every one of them shares.
import { keyDeleteArg, keySetArg, replyInt, KeyEvent } from "ferrite-sdk";
import { SET_TYPE, setSize } from "./set";
import { freeTemp, keepTemp } from "./temp-set";

/**
 * Binds the result, a temporary set, to the key in argument i and raises `event` (an empty one deletes
 * the key instead); replies its size.
 */
export function storeResult(argv: usize, i: i32, s: usize, event: KeyEvent): void {
  const size = setSize(s);
  if (size == 0) {
    freeTemp();
    keyDeleteArg(argv, i);
  } else {
    keepTemp();
    keySetArg(argv, i, SET_TYPE, <f64>s);
    event.emitArg(argv, i);
  }
  replyInt(size);
}
