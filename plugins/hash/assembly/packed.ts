// The small encoding (Redis's listpack, simplified): one heap block of field/value items, each a length
// byte then its bytes, in insertion order. Items never exceed MAX_PACKED_ITEM bytes (longer ones
// convert the hash to a table first), so one byte always holds the length.
//
//   pkSkip(p)            the item after the item at p
//   pkFind(data, used, field, len)  offset of the pair whose field matches, or -1
//   pkWrite(dst, src, len)          writes one item, returns the address after it

/** Redis's hash-max-listpack-value: a longer field or value converts the hash to a table. */
export const MAX_PACKED_ITEM: i32 = 64;
/** Redis's hash-max-listpack-entries (512 in Redis 7): more pairs convert the hash to a table. */
export const MAX_PACKED_PAIRS: i32 = 512;

// @ts-ignore: decorator
@inline export function pkLen(p: usize): i32 { return <i32>load<u8>(p); }
// @ts-ignore: decorator
@inline export function pkData(p: usize): usize { return p + 1; }
// @ts-ignore: decorator
@inline export function pkSkip(p: usize): usize { return p + 1 + <usize>load<u8>(p); }
// @ts-ignore: decorator
@inline export function pkPairSize(fieldLen: i32, valLen: i32): i32 { return 2 + fieldLen + valLen; }

export function pkWrite(dst: usize, src: usize, len: i32): usize {
  store<u8>(dst, <u8>len);
  memory.copy(dst + 1, src, <usize>len);
  return dst + 1 + <usize>len;
}

export function pkFind(data: usize, used: i32, field: usize, len: i32): i32 {
  const end = data + <usize>used;
  for (let p = data; p < end; p = pkSkip(pkSkip(p))) {
    if (pkLen(p) == len && memory.compare(pkData(p), field, <usize>len) == 0) return <i32>(p - data);
  }
  return -1;
}
