// HLL values are Redis strings, owned by the strings plugin (the architecture's rule 10: this plugin
// reads another's values through plugin calls, never around them). A command reads the key's bytes
// with GETRANGE, works on a copy (value.ts) and writes it back with SET … KEEPTTL when it changed; GET,
// SETRANGE, APPEND, DUMP and TYPE then see the string Redis shows. The calls are silent: the command
// raises its own events (`new`, `pfadd`), as Redis does, not the `set` of the write underneath.
import {
  argLen, argPtr, bytesEqual, callArg, callArgI64, callArgLiteral, callBegin, callReply, callRun, keyGetExpire, keyType, replyError,
  replyWrongType, respBegin, respLen, respNext, respPtr, resultBytes, MISSING, RESP_BULK, STATUS_MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { encodingOf, ENC_SPARSE, HDR_SIZE, REGISTERS } from "./layout";
import { hllHeaderValid } from "./validate";
import { sparseValid } from "./sparse-read";
import { hllData, hllFromBytes, hllLen } from "./value";
import { NEW } from "./events";

/** Redis's texts: a string that is not an HLL, and an HLL whose sparse opcodes are corrupt. */
const ERR_NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
const ERR_INVALID_HLL = "INVALIDOBJ Corrupted HLL object detected";
/** The longest valid HLL: a sparse one with a two-byte opcode per register (dense ones are shorter). */
const MAX_HLL_BYTES: i64 = HDR_SIZE + 2 * REGISTERS;

const STRING_NAME = memory.data<u8>([115, 116, 114, 105, 110, 103]); // "string"

/**
 * The HLL at the key in argument i as a working copy the caller frees with hllFree: a handle, MISSING,
 * or WRONGTYPE once the error is replied (another type, a string that is no HLL, corrupt opcodes).
 * `read`: looked up as Redis's lookupKeyRead, a missing key raising `keymiss`; else as lookupKeyWrite.
 */
export function loadHll(argv: usize, i: i32, read: bool): f64 {
  const key = argPtr(argv, i), keyLen = argLen(argv, i);
  if (!read && keyGetExpire(key, keyLen) == -2) return MISSING; // no side effect, unlike keyType's miss
  const type = keyType(key, keyLen);
  if (type == STATUS_MISSING) return MISSING;
  if (!bytesEqual(resultBytes(type), type, STRING_NAME, 6)) { replyWrongType(); return WRONGTYPE; }
  // Bounded: a string longer than any HLL is refused from its first MAX_HLL_BYTES + 1 bytes.
  callBegin();
  callArgLiteral("GETRANGE");
  callArg(key, keyLen);
  callArgLiteral("0");
  callArgI64(MAX_HLL_BYTES);
  const n = callRun(false, true); // first: it may move the buffer callReply() names
  respBegin(callReply(), n);
  if (respNext() != RESP_BULK || !hllHeaderValid(respPtr, respLen)) { replyError(ERR_NOT_HLL); return WRONGTYPE; }
  if (encodingOf(respPtr) == ENC_SPARSE && (<i64>respLen > MAX_HLL_BYTES || !sparseValid(respPtr + HDR_SIZE, respLen - HDR_SIZE))) {
    replyError(ERR_INVALID_HLL);
    return WRONGTYPE;
  }
  return <f64>hllFromBytes(respPtr, respLen);
}

/** Writes value v as the string at the key in argument i, keeping the key's TTL; `created`: it was missing. */
export function storeHll(argv: usize, i: i32, v: usize, created: bool): void {
  if (created) NEW.emitArg(argv, i);
  callBegin();
  callArgLiteral("SET");
  callArg(argPtr(argv, i), argLen(argv, i));
  callArg(hllData(v), hllLen(v));
  callArgLiteral("KEEPTTL");
  callRun(false, true);
}
