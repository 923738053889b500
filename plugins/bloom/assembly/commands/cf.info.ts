// CF.INFO key: sizes and counts, Size as RedisBloom computes it (40-byte filter, 16 bytes per sub-filter, the fingerprints).
import { cfBuckets, cfBucketSize, cfDeletes, cfExpansion, cfFilters, cfItems, cfMaxIterations, subBytes } from "../cuckoo/filter";
import { ERR_NOT_FOUND } from "../errors";
import { findValue } from "../find-value";
import { infoBegin, infoInt } from "../info-reply";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const c = findValue(argv, 1, CF_TYPE, ERR_NOT_FOUND);
  if (c == 0) return;
  let size: u64 = 40;
  for (let i: u32 = 0; i < cfFilters(c); i++) size += 16 + subBytes(c, i);
  infoBegin(8);
  infoInt("Size", <i64>size);
  infoInt("Number of buckets", <i64>cfBuckets(c));
  infoInt("Number of filters", cfFilters(c));
  infoInt("Number of items inserted", <i64>cfItems(c));
  infoInt("Number of items deleted", <i64>cfDeletes(c));
  infoInt("Bucket size", cfBucketSize(c));
  infoInt("Expansion rate", cfExpansion(c));
  infoInt("Max iterations", cfMaxIterations(c));
}
