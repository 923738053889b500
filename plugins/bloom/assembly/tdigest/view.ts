// Queries need a compressed digest. RedisBloom compresses the stored value in place from read commands;
// here a read command must not change what it opened read-only (write intent, ADR 0017), so a digest
// with buffered samples is compressed in a copy for the command's duration.
import { findValue } from "../find-value";
import { TDIGEST_TYPE } from "../type-ids";
import { tdCompress, tdCopy, tdUnmerged } from "./digest";
import { ERR_TD_NOT_FOUND } from "./errors";

let copied: usize = 0;

/** The compressed digest at argument 1 (give it back with viewDone), or 0 with the error replied. */
export function compressedView(argv: usize): usize {
  const d = findValue(argv, 1, TDIGEST_TYPE, ERR_TD_NOT_FOUND);
  if (d == 0 || tdUnmerged(d) == 0) return d;
  copied = tdCopy(d);
  tdCompress(copied);
  return copied;
}

export function viewDone(view: usize): void {
  if (view == 0 || view != copied) return;
  heap.free(copied);
  copied = 0;
}
