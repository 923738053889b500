// BITFIELD and BITFIELD_RO. Every operation is validated before any runs (an error replies alone and
// changes nothing), then they run in order over a string grown once to the furthest written bit.

import { keyFindArg, keyPeekArg, replyArray, replyError, replyInt, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import {
  checkSignedOverflow, checkUnsignedOverflow, getSignedField, getUnsignedField, setField, limitValue, OVERFLOW_FAIL,
} from "./bitfield-math";
import {
  parseOperation, resetOverflowMode, opBits, opCode, opOffset, opSigned, opValue, overflowMode, OP_GET, OP_INCRBY,
  OP_OVERFLOW,
} from "./bitfield-parse";
import { holdsBit, openForBitWrite } from "./bit-write";
import { SETBIT } from "../events";
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

  // Redis counts a write (dirty, the setbit event) only when it creates or grows the string or changes a
  // field's value: a BITFIELD that rewrites what is there opens the key for reading only.
  let handle = writes ? keyPeekArg(argv, 1, STRING_TYPE) : keyFindArg(argv, 1, STRING_TYPE);
  const opened = writes && handle != WRONGTYPE && (!holdsBit(handle, highestBit) || changesAField(argc, argv, <usize>handle));
  if (opened) handle = <f64>openForBitWrite(argv, 1, highestBit, handle);
  if (handle == WRONGTYPE) { replyWrongType(); return; }
  const data = handle == MISSING ? 0 : strData(<usize>handle);
  const length: u64 = handle == MISSING ? 0 : <u64>strLen(<usize>handle);

  replyArray(operations);
  resetOverflowMode();
  // Writes done (an overflow under FAIL writes nothing): Redis emits setbit if any.
  let changes = 0;
  for (let j = 2; j < argc; ) {
    j = parseOperation(argc, argv, j);
    if (opCode == OP_OVERFLOW) continue;
    if (opCode == OP_GET) {
      replyInt(opSigned ? getSignedField(data, length, opOffset, opBits) : <i64>getUnsignedField(data, length, opOffset, opBits));
    } else if (!evaluate(data, length)) {
      replyNull();
    } else {
      replyInt(opCode == OP_INCRBY ? <i64>stored : <i64>old);
      if (stored != old) setField(data, opOffset, opBits, stored);
      changes++;
    }
  }
  if (opened && changes > 0) SETBIT.emitArg(argv, 1);
}

/**
 * Whether a write operation of this (already validated) BITFIELD changes a field of the existing
 * string `v`. Stops at the first one that would, so every write before it stores what is already
 * there: running them does not change the bytes, and none needs to run here.
 */
function changesAField(argc: i32, argv: usize, v: usize): bool {
  const data = strData(v);
  const length = <u64>strLen(v);
  resetOverflowMode();
  for (let j = 2; j < argc; ) {
    j = parseOperation(argc, argv, j);
    if (opCode == OP_OVERFLOW || opCode == OP_GET) continue;
    if (evaluate(data, length) && stored != old) return true;
  }
  return false;
}

/** The current write operation's field before and after it, as the field's 64-bit pattern. */
let old: u64 = 0;
let stored: u64 = 0;

/**
 * Computes the current SET or INCRBY (SET replies the old value, INCRBY the new one) into `old` and
 * `stored`; false on an overflow under FAIL, which replies nil and writes nothing.
 */
function evaluate(data: usize, length: u64): bool {
  const incr = opCode == OP_INCRBY;
  if (opSigned) {
    const was = getSignedField(data, length, opOffset, opBits);
    const overflow = checkSignedOverflow(incr ? was : opValue, incr ? opValue : 0, opBits, overflowMode);
    if (overflow != 0 && overflowMode == OVERFLOW_FAIL) return false;
    old = <u64>was;
    stored = overflow != 0 ? limitValue : incr ? <u64>(was + opValue) : <u64>opValue;
  } else {
    old = getUnsignedField(data, length, opOffset, opBits);
    const overflow = checkUnsignedOverflow(incr ? old : <u64>opValue, incr ? opValue : 0, opBits, overflowMode);
    if (overflow != 0 && overflowMode == OVERFLOW_FAIL) return false;
    stored = overflow != 0 ? limitValue : incr ? old + <u64>opValue : <u64>opValue;
  }
  return true;
}
