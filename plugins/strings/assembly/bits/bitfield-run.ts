// BITFIELD and BITFIELD_RO. Every operation is validated before any runs (an error replies alone and
// changes nothing), then they run in order over a string grown once to the furthest written bit.

import { keyFindArg, replyArray, replyError, replyInt, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import {
  checkSignedOverflow, checkUnsignedOverflow, getSignedField, getUnsignedField, setField, limitValue, OVERFLOW_FAIL,
} from "./bitfield-math";
import {
  parseOperation, resetOverflowMode, opBits, opCode, opOffset, opSigned, opValue, overflowMode, OP_GET, OP_INCRBY,
  OP_OVERFLOW,
} from "./bitfield-parse";
import { openForBitWrite } from "./bit-write";
import { SETBIT } from "../events";

/** Writes done by the current BITFIELD (an overflow under FAIL writes nothing): Redis emits setbit if any. */
let changes: i32 = 0;
import { STRING_TYPE, strData, strLen } from "../value";

export function runBitfield(argc: i32, argv: usize, readOnly: bool): void {
  let operations = 0;
  let writes = false;
  let highestBit: u64 = 0;
  resetOverflowMode();
  for (let j = 2; j < argc; ) {
    j = parseOperation(argc, argv, j);
    if (j < 0) return;
    if (opCode == OP_OVERFLOW) continue;
    operations++;
    if (opCode != OP_GET) {
      writes = true;
      highestBit = max(highestBit, opOffset + <u64>opBits - 1);
    }
  }
  if (writes && readOnly) { replyError("ERR BITFIELD_RO only supports the GET subcommand"); return; }

  const handle = writes ? openForBitWrite(argv, 1, highestBit) : keyFindArg(argv, 1, STRING_TYPE);
  if (handle == WRONGTYPE) { replyWrongType(); return; }
  const data = handle == MISSING ? 0 : strData(<usize>handle);
  const length: u64 = handle == MISSING ? 0 : <u64>strLen(<usize>handle);

  replyArray(operations);
  resetOverflowMode();
  changes = 0;
  for (let j = 2; j < argc; ) {
    j = parseOperation(argc, argv, j);
    if (opCode == OP_OVERFLOW) continue;
    if (opCode == OP_GET) {
      replyInt(opSigned ? getSignedField(data, length, opOffset, opBits) : <i64>getUnsignedField(data, length, opOffset, opBits));
    } else if (opSigned) {
      writeSigned(data, length);
    } else {
      writeUnsigned(data, length);
    }
  }
  if (changes > 0) SETBIT.emitArg(argv, 1);
}

/** SET replies the old value, INCRBY the new one; an overflow under FAIL replies nil and writes nothing. */
function writeSigned(data: usize, length: u64): void {
  const old = getSignedField(data, length, opOffset, opBits);
  const incr = opCode == OP_INCRBY;
  const overflow = checkSignedOverflow(incr ? old : opValue, incr ? opValue : 0, opBits, overflowMode);
  if (overflow != 0 && overflowMode == OVERFLOW_FAIL) { replyNull(); return; }
  const stored = overflow != 0 ? <i64>limitValue : incr ? old + opValue : opValue;
  replyInt(incr ? stored : old);
  setField(data, opOffset, opBits, <u64>stored);
  changes++;
}

function writeUnsigned(data: usize, length: u64): void {
  const old = getUnsignedField(data, length, opOffset, opBits);
  const incr = opCode == OP_INCRBY;
  const overflow = checkUnsignedOverflow(incr ? old : <u64>opValue, incr ? opValue : 0, opBits, overflowMode);
  if (overflow != 0 && overflowMode == OVERFLOW_FAIL) { replyNull(); return; }
  const stored = overflow != 0 ? limitValue : incr ? old + <u64>opValue : <u64>opValue;
  replyInt(<i64>(incr ? stored : old));
  setField(data, opOffset, opBits, stored);
  changes++;
}
