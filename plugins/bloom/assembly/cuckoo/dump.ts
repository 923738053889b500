// RedisBloom's packed CFHeader (38 bytes: numItems, numBuckets, numDeletes, numFilters as u64; bucketSize,
// maxIterations, expansion as u16), which CF.SCANDUMP returns first and CF.LOADCHUNK reads back, then
// the sub-filters' fingerprints. The header followed by every sub-filter is the saved form.

import { saveWrite } from "ferrite-sdk";
import { cfAlloc, cfBuckets, cfBucketSize, cfDeletes, cfExpansion, cfFilters, cfFree, cfItems, cfMaxIterations, setCounts, sub, subBytes, subData, subSize } from "./filter";

export const CF_HEADER: usize = 38;
const scratch = memory.data(<i32>CF_HEADER);

/** The header of c, in a static buffer valid until the next call. */
export function cfHeader(c: usize): usize {
  store<u64>(scratch, cfItems(c));
  store<u64>(scratch + 8, cfBuckets(c));
  store<u64>(scratch + 16, cfDeletes(c));
  store<u64>(scratch + 24, cfFilters(c));
  store<u16>(scratch + 32, <u16>cfBucketSize(c));
  store<u16>(scratch + 34, <u16>cfMaxIterations(c));
  store<u16>(scratch + 36, <u16>cfExpansion(c));
  return scratch;
}

/** CFHeader_Load: an empty filter shaped as the header says, or 0 when no filter can have that shape. */
export function cfFromHeader(ptr: usize): usize {
  const buckets = load<u64>(ptr + 8), filters = load<u64>(ptr + 24);
  const bucketSize = <u32>load<u16>(ptr + 32), maxIterations = <u32>load<u16>(ptr + 34), expansion = <u32>load<u16>(ptr + 36);
  if (buckets == 0 || (buckets & (buckets - 1)) != 0 || bucketSize == 0 || bucketSize > 255 || maxIterations == 0) return 0;
  if (filters == 0 || filters > 65535 || (expansion & (expansion - 1)) != 0 || (expansion == 0 && filters > 1)) return 0;
  for (let i: u32 = 0; i < <u32>filters; i++) if (subSize(buckets, bucketSize, expansion, i) == 0) return 0;
  const c = cfAlloc(buckets, bucketSize, maxIterations, expansion, <u32>filters);
  setCounts(c, load<u64>(ptr), load<u64>(ptr + 16));
  return c;
}

export function saveCf(c: usize): void {
  saveWrite(<i32>cfHeader(c), <i32>CF_HEADER);
  for (let i: u32 = 0; i < cfFilters(c); i++) saveWrite(<i32>subData(sub(c, i)), <i32>subBytes(c, i));
}

export function loadCf(ptr: usize, len: usize): usize {
  if (len < CF_HEADER) return 0;
  const c = cfFromHeader(ptr);
  if (c == 0) return 0;
  let at = CF_HEADER;
  for (let i: u32 = 0; i < cfFilters(c); i++) {
    const bytes = <usize>subBytes(c, i);
    if (len - at < bytes) { cfFree(c); return 0; }
    memory.copy(subData(sub(c, i)), ptr + at, bytes);
    at += bytes;
  }
  if (at != len) { cfFree(c); return 0; }
  return c;
}
