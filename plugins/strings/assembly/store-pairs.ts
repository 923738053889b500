// MSET and MSETNX: bind each key (odd arguments) to a copy of the value after it, clearing TTLs.
import { argLen, argPtr } from "ferrite-sdk";
import { storeString } from "./string-key";
import { strCreate } from "./value";
import { SET } from "./events";

export function storePairs(argc: i32, argv: usize): void {
  for (let i = 1; i < argc; i += 2) {
    storeString(argv, i, strCreate(argPtr(argv, i + 1), argLen(argv, i + 1)));
    SET.emitArg(argv, i);
  }
}
