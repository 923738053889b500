// BITOP AND|OR|XOR|NOT destkey key [key ...]
import { argIs, keyDeleteArg, keyFindArg, replyError, replyInt, replyWrongType, ERR_SYNTAX, FIND_NOTOUCH, MISSING, WRONGTYPE } from "ferrite-sdk";
import { combineInto, OP_AND, OP_NOT, OP_OR, OP_XOR } from "../bits/combine";
import { createRawString } from "../bits/bit-write";
import { storeString } from "../string-key";
import { STRING_TYPE, strData, strLen } from "../value";
import { SET } from "../events";

const FIRST_SOURCE: i32 = 3;

function operation(argv: usize): i32 {
  if (argIs(argv, 1, "and")) return OP_AND;
  if (argIs(argv, 1, "or")) return OP_OR;
  if (argIs(argv, 1, "xor")) return OP_XOR;
  if (argIs(argv, 1, "not")) return OP_NOT;
  return -1;
}

export function run(argc: i32, argv: usize): void {
  const op = operation(argv);
  if (op < 0) { replyError(ERR_SYNTAX); return; }
  if (op == OP_NOT && argc != FIRST_SOURCE + 1) { replyError("ERR BITOP NOT must be called with a single source key."); return; }

  // First pass: type-check every source and size the result, before anything is written.
  let maxLength: i32 = 0;
  for (let i = FIRST_SOURCE; i < argc; i++) {
    const handle = keyFindArg(argv, i, STRING_TYPE);
    if (handle == WRONGTYPE) { replyWrongType(); return; }
    if (handle != MISSING) maxLength = max(maxLength, strLen(<usize>handle));
  }
  if (maxLength == 0) {
    keyDeleteArg(argv, 2);
    replyInt(0);
    return;
  }

  // Second pass: the result is built apart and bound last, since the destination may be a source.
  const result = createRawString(maxLength);
  const out = strData(result);
  for (let i = FIRST_SOURCE; i < argc; i++) {
    const handle = keyFindArg(argv, i, STRING_TYPE, FIND_NOTOUCH);
    const present = handle != MISSING;
    combineInto(op, i == FIRST_SOURCE, out, maxLength, present ? strData(<usize>handle) : 0, present ? strLen(<usize>handle) : 0);
  }
  storeString(argv, 2, result);
  SET.emitArg(argv, 2);
  replyInt(maxLength);
}
