// TDIGEST.INFO key: compression, capacity, merged and buffered centroids and weights, compressions, and
// RedisBloom's memory figure (8 bytes plus 16 per centroid slot).
import { findValue } from "../find-value";
import { infoBegin, infoInt } from "../info-reply";
import { tdCap, tdCompression, tdCompressions, tdMerged, tdMergedWeight, tdUnmerged, tdUnmergedWeight } from "../tdigest/digest";
import { ERR_TD_NOT_FOUND } from "../tdigest/errors";
import { TDIGEST_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const d = findValue(argv, 1, TDIGEST_TYPE, ERR_TD_NOT_FOUND);
  if (d == 0) return;
  infoBegin(9);
  infoInt("Compression", <i64>tdCompression(d));
  infoInt("Capacity", tdCap(d));
  infoInt("Merged nodes", tdMerged(d));
  infoInt("Unmerged nodes", tdUnmerged(d));
  infoInt("Merged weight", tdMergedWeight(d));
  infoInt("Unmerged weight", tdUnmergedWeight(d));
  infoInt("Observations", tdMergedWeight(d) + tdUnmergedWeight(d));
  infoInt("Total compressions", tdCompressions(d));
  infoInt("Memory usage", 8 + <i64>tdCap(d) * 16);
}
