// GRAPH.CONFIG GET name|* and GRAPH.CONFIG SET name value [name value …], as FalkorDB's Graph_Config:
// every pair is checked before any is applied, and the errors are its texts.
import { argIs, argLen, argPtr, replyArityError, replyArray, replyBool, replyError, replyInt, replyOk } from "ferrite-sdk";
import { OPTIONS, isBoolOption, optionIndex, optionSet, optionValue } from "../config/options";
import { replyText } from "../cypher/reply";

const UNKNOWN_FIELD = "Unknown configuration field";

function replyOption(i: i32): void {
  replyArray(2);
  replyText(OPTIONS[i].name);
  if (isBoolOption(i)) replyBool(optionValue(i) != 0);
  else replyInt(optionValue(i));
}

function get(argc: i32, argv: usize): void {
  if (argc != 3) {
    replyArityError(argv);
    return;
  }
  if (argLen(argv, 2) == 1 && load<u8>(argPtr(argv, 2)) == 0x2a) {
    replyArray(OPTIONS.length);
    for (let i = 0; i < OPTIONS.length; i++) replyOption(i);
    return;
  }
  const i = optionIndex(argPtr(argv, 2), argLen(argv, 2));
  if (i < 0) replyError(UNKNOWN_FIELD);
  else replyOption(i);
}

function set(argc: i32, argv: usize): void {
  if (argc < 4 || argc % 2 == 1) {
    replyArityError(argv);
    return;
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let a = 2; a < argc; a += 2) {
      const i = optionIndex(argPtr(argv, a), argLen(argv, a));
      if (i < 0) {
        replyError(UNKNOWN_FIELD);
        return;
      }
      const error = optionSet(i, argPtr(argv, a + 1), argLen(argv, a + 1), pass == 1);
      if (error.length > 0) {
        replyError(error);
        return;
      }
    }
  }
  replyOk();
}

export function run(argc: i32, argv: usize): void {
  if (argIs(argv, 1, "get")) get(argc, argv);
  else if (argIs(argv, 1, "set")) set(argc, argv);
  else replyError("Unknown subcommand for GRAPH.CONFIG");
  __collect();
}
