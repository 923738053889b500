// td_merge: adds a digest's compressed centroids to another. The source is compressed in a copy, as
// read-only values are not changed here (see view.ts).
import { centroidWeight, mean, tdAdd, tdCompress, tdCopy, tdMerged, tdUnmerged, OVERFLOW } from "./digest";

export function tdMergeInto(into: usize, from: usize): i32 {
  if (tdCompress(into) != 0) return OVERFLOW;
  const source = tdUnmerged(from) == 0 ? from : tdCopy(from);
  let status = source == from ? 0 : tdCompress(source);
  for (let i: u32 = 0; i < tdMerged(source) && status == 0; i++) status = tdAdd(into, mean(source, i), centroidWeight(source, i));
  if (source != from) heap.free(source);
  return status;
}
