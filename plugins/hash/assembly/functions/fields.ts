// fields (host API 1.8 plugin_call): a hash's fields for another plugin in one call, without a RESP
// round trip (FT.SEARCH indexing and loading hash documents, ADR 0042).
//   input:  the key as an item (u32 length, bytes), then optionally the wanted fields as items.
//   output: all fields: (field, value) item pairs, in the hash's order; wanted fields: one value item
//           per wanted field, NO_ITEM (length -1, no bytes) for a field the hash does not have.
//   returns the number of pairs, or of wanted fields found; MISSING, WRONGTYPE, or BADPAYLOAD for an
//   input that does not start with a key item.
// A read for indexing: it leaves the key's LRU/LFU statistics alone (Redis's LOOKUP_NOTOUCH).
import { ByteBuilder, NO_ITEM, functionOutput, itemLen, itemNext, itemPtr, keyFind } from "ferrite-sdk";
import { HASH_TYPE, foundLen, foundPtr, hashGet, hashIterate, hashLen, hashNext, itField, itFieldLen, itVal, itValLen } from "../value";

const NOTOUCH: i32 = 2;
const BADPAYLOAD: i32 = -3;
const out = new ByteBuilder();

export function call(input: usize, len: i32): i32 {
  const end = input + <usize>len;
  if (len < 4 || itemNext(input) > end) return BADPAYLOAD;
  const found = keyFind(itemPtr(input), itemLen(input), HASH_TYPE, NOTOUCH);
  if (found < 0) return <i32>found;
  const h = <usize>found;
  out.reset();
  let p = itemNext(input);
  let n: i32 = 0;
  if (p == end) {
    hashIterate(h);
    while (hashNext()) {
      out.item(itField, itFieldLen);
      out.item(itVal, itValLen);
    }
    n = hashLen(h);
  } else {
    for (; p + 4 <= end && itemNext(p) <= end; p = itemNext(p)) {
      if (hashGet(h, itemPtr(p), itemLen(p))) {
        out.item(foundPtr, foundLen);
        n++;
      } else out.u32(<u32>NO_ITEM);
    }
  }
  functionOutput(out.ptr, out.len);
  return n;
}

