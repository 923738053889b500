// The byte loops of BITOP. Sources shorter than the result count as padded with zero bytes.

export const OP_AND: i32 = 0;
export const OP_OR: i32 = 1;
export const OP_XOR: i32 = 2;
export const OP_NOT: i32 = 3;

/**
 * Folds one source (`srcLen` bytes at `src`) into the `outLen`-byte result at `out`. The first source
 * initializes the result (complemented for NOT); the next ones are combined with it.
 */
export function combineInto(op: i32, first: bool, out: usize, outLen: i32, src: usize, srcLen: i32): void {
  if (first) {
    memory.copy(out, src, <usize>srcLen);
    memory.fill(out + <usize>srcLen, 0, <usize>(outLen - srcLen));
    if (op == OP_NOT) complement(out, outLen);
    return;
  }
  let i: i32 = 0;
  if (op == OP_AND) {
    for (; i + 8 <= srcLen; i += 8) store<u64>(out + i, load<u64>(out + i) & load<u64>(src + i));
    for (; i < srcLen; i++) store<u8>(out + i, load<u8>(out + i) & load<u8>(src + i));
    memory.fill(out + <usize>srcLen, 0, <usize>(outLen - srcLen));
  } else if (op == OP_OR) {
    for (; i + 8 <= srcLen; i += 8) store<u64>(out + i, load<u64>(out + i) | load<u64>(src + i));
    for (; i < srcLen; i++) store<u8>(out + i, load<u8>(out + i) | load<u8>(src + i));
  } else {
    for (; i + 8 <= srcLen; i += 8) store<u64>(out + i, load<u64>(out + i) ^ load<u64>(src + i));
    for (; i < srcLen; i++) store<u8>(out + i, load<u8>(out + i) ^ load<u8>(src + i));
  }
}

function complement(ptr: usize, len: i32): void {
  let i: i32 = 0;
  for (; i + 8 <= len; i += 8) store<u64>(ptr + i, ~load<u64>(ptr + i));
  for (; i < len; i++) store<u8>(ptr + i, ~load<u8>(ptr + i));
}
