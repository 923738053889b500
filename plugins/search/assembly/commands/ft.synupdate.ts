// FT.SYNUPDATE index group_id [SKIPINITIALSCAN] term [term ...]: adds the terms to the synonym group.
import { argIs, argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { findIndex } from "../registry";
import { synonymAdd } from "../synonym/synonyms";

export function run(argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) {
    replyError("Unknown index name");
    return;
  }
  let first = 3;
  if (argIs(argv, 3, "SKIPINITIALSCAN")) first = 4;
  if (first >= argc) {
    replyError("ERR wrong number of arguments for 'ft.synupdate' command");
    return;
  }
  for (let i = first; i < argc; i++) synonymAdd(x, argPtr(argv, 2), argLen(argv, 2), argPtr(argv, i), argLen(argv, i));
  replyOk();
}
