// Indexing the keys that exist when an index is created (or when a snapshot was loaded): a walk over
// database 0 with key_scan, re-indexing each key under the index's prefixes.
//
// STEP (ADR 0034): the walk runs to the end inside the command that needs it (FT.CREATE, or the first
// FT.* command after a load). Host API 1.7's timers will let it run in slices between commands, with
// FT.INFO's `indexing` and `percent_indexed` showing the progress; the Index already carries the
// cursor (scanCursor) and the flags for it.
import { currentDb, keyScan, resultBytes, resultLen } from "ferrite-sdk";
import { I_SKIPINITIALSCAN, Index, ON_JSON, coversKey } from "./index-spec";
import { reindexKey } from "./indexer";
import { indexAt, indexCount } from "./registry";

const HASH_TYPE = memory.data<u8>([104, 97, 115, 104]); // "hash"
const JSON_TYPE = memory.data<u8>([82, 101, 74, 83, 79, 78, 45, 82, 76]); // "ReJSON-RL"

/** Runs the pending initial scan of `x`, when the command runs in database 0 (the indexed one). */
export function scanIfNeeded(x: Index): void {
  if (!x.needsScan || currentDb() != 0) return;
  x.needsScan = false;
  if ((x.flags & I_SKIPINITIALSCAN) != 0) return;
  x.scanning = true;
  let cursor: f64 = 0;
  do {
    cursor = x.on == ON_JSON ? keyScan(cursor, 0, 0, JSON_TYPE, 9, 1000) : keyScan(cursor, 0, 0, HASH_TYPE, 4, 1000);
    const len = resultLen();
    // Copied: re-indexing calls other commands, which replace the result buffer.
    const buf = heap.alloc(<usize>max(len, 4));
    memory.copy(buf, resultBytes(len), <usize>len);
    const n = load<u32>(buf);
    let at = buf + 4;
    for (let i: u32 = 0; i < n; i++) {
      const kl = <i32>load<u32>(at);
      if (coversKey(x, at + 4, kl)) reindexKey(x, at + 4, kl);
      at += 4 + <usize>kl;
    }
    heap.free(buf);
  } while (cursor != 0);
  x.scanning = false;
}

/** Every index's pending scan (a command about to read any index: FT._LIST needs none). */
export function scanAllIfNeeded(): void {
  for (let i = 0; i < indexCount(); i++) scanIfNeeded(indexAt(i));
}
