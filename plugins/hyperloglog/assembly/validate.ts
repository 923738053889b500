// Which bytes may become a value (DUMP payloads, persistence): Redis's isHLLObjectOrReply checks plus
// a full walk of sparse opcodes, so commands can trust every stored value without re-checking.

import { DENSE_SIZE, encodingOf, ENC_DENSE, ENC_SPARSE, hasMagic, HDR_SIZE } from "./layout";
import { sparseValid } from "./sparse-read";

export function validHll(ptr: usize, len: i32): bool {
  if (len < HDR_SIZE || !hasMagic(ptr)) return false;
  const enc = encodingOf(ptr);
  if (enc == ENC_DENSE) return len == DENSE_SIZE;
  return enc == ENC_SPARSE && sparseValid(ptr + HDR_SIZE, len - HDR_SIZE);
}
