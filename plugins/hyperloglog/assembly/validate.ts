// Redis's isHLLObjectOrReply checks on a string's bytes: the magic, a known encoding, and a dense
// form's exact length. Sparse opcodes are walked separately (sparseValid), as their failure has its
// own error.

import { DENSE_SIZE, encodingOf, ENC_DENSE, ENC_SPARSE, hasMagic, HDR_SIZE } from "./layout";

export function hllHeaderValid(ptr: usize, len: i32): bool {
  if (len < HDR_SIZE || !hasMagic(ptr)) return false;
  const enc = encodingOf(ptr);
  return enc == ENC_DENSE ? len == DENSE_SIZE : enc == ENC_SPARSE;
}
