// Indexing the keys that exist when an index is created, when FT.ALTER adds fields, or after a snapshot
// was loaded: a walk over database 0 with key_scan, re-indexing each key under the index's prefixes.
// It runs in slices on host timers (host API 1.7), between clients' commands: each slice visits
// SLICE_SLOTS slots of the keyspace and arms the next, so a large database never stalls the server.
// FT.CREATE runs the first slice itself, so a small database is searchable at once (see scanIfNeeded).
// While it runs FT.INFO says `indexing` 1 with `percent_indexed` below 1, and queries see the part
// indexed so far, as in RediSearch. Writes during the walk are indexed by their events (a key the walk
// reaches again is simply re-read), so the index is exact once the walk ends.
// Each walk marks what it indexes (Index.walkMark, bumped when a walk starts; an event's re-read takes
// the mark too), and its end removes the documents left with an older mark: keys that went away
// without an event (an AOF replay raises none). Documents are never emptied out for a walk, so one
// written just after FT.CREATE is found at once, during the walk and after it.
import { currentDb, dbSize, keyScan, resultBytes, resultLen, setTimer } from "ferrite-sdk";
import { strLen, strPtr } from "./bytes";
import { compact } from "./compact";
import { I_SKIPINITIALSCAN, Index, ON_JSON, coversKey, docAt } from "./index-spec";
import { reindexKey, removeDoc } from "./indexer";
import { indexAt, indexCount } from "./registry";
import { collectFilterGarbage } from "./create-filter";
import { EXPIRY_PAYLOAD, expireIdle } from "./temporary";

const HASH_TYPE = memory.data<u8>([104, 97, 115, 104]); // "hash"
const JSON_TYPE = memory.data<u8>([82, 101, 74, 83, 79, 78, 45, 82, 76]); // "ReJSON-RL"
/** Keyspace slots one slice visits: a few thousand keys, well under a millisecond per thousand. */
const SLICE_SLOTS: i32 = 1024;

let timerArmed = false;

/**
 * Starts the walk of `x` if it is pending (FT.CREATE, FT.ALTER, a load, a SWAPDB). Only from database
 * 0, the one walked: a command or timer elsewhere leaves it pending for the next one there.
 */
export function scanIfNeeded(x: Index): void {
  if (!x.needsScan || currentDb() != 0) return;
  x.needsScan = false;
  if ((x.flags & I_SKIPINITIALSCAN) != 0) return;
  walkFromStart(x);
  // The first slice now: a small database is indexed before the command replies. The walk then starts
  // over in the first timer callback: a command replayed from the AOF raises no keyspace events, so
  // what the replay wrote after FT.CREATE (deleting keys this slice indexed, say) is only seen by a
  // walk that runs once the load is over, which timers do. The documents stay meanwhile; the second
  // walk's end removes those whose keys it did not find.
  scanSlice(x);
  x.scanning = true;
  x.restartWalk = true;
  armTimer();
}

function walkFromStart(x: Index): void {
  x.walkMark++;
  x.scanning = true;
  x.scanCursor = 0;
  x.scanned = 0;
  x.scanTotal = <f64>dbSize();
}

/** Walks pending after a load start on the next turn of the event loop, once keys are loaded. */
export function scanSoon(): void { armTimer(); }

function armTimer(): void {
  if (timerArmed) return;
  timerArmed = true;
  setTimer(0, 0);
}

/** The timer callback: one slice of each walk in progress, then the next timer if any remains. */
export function ferrite_timer(_id: f64, payload: u64): void {
  if (payload == EXPIRY_PAYLOAD) { expireIdle(); return; }
  timerArmed = false;
  if (currentDb() != 0) return;
  let more = false;
  for (let i = 0; i < indexCount(); i++) {
    const x = indexAt(i);
    if (x.needsScan) scanIfNeeded(x);
    else if (x.restartWalk) {
      x.restartWalk = false;
      walkFromStart(x);
      scanSlice(x);
    } else if (x.scanning) scanSlice(x);
    if (x.scanning) more = true;
  }
  if (more) armTimer();
  collectFilterGarbage();
}

/** Visits the next SLICE_SLOTS slots of database 0 (the current one) for `x`; ends the walk at the end. */
function scanSlice(x: Index): void {
  x.scanCursor = x.on == ON_JSON ? keyScan(x.scanCursor, 0, 0, JSON_TYPE, 9, SLICE_SLOTS) : keyScan(x.scanCursor, 0, 0, HASH_TYPE, 4, SLICE_SLOTS);
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
  x.scanned += <f64>n;
  if (x.scanCursor == 0) endWalk(x);
}

/**
 * The walk is over: documents with an older mark are of keys the walk did not find, so gone. The
 * entries the walk's re-reads left behind go too: a term's document frequency counts every entry, so
 * until then idf is understated (as in RediSearch until its GC runs).
 */
function endWalk(x: Index): void {
  x.scanning = false;
  for (let id: u32 = 1; id < <u32>x.docs.len; id++) {
    const d = docAt(x, id);
    if (d != null && d.walkMark != x.walkMark) removeDoc(x, strPtr(d.key), strLen(d.key));
  }
  if (x.deadDocs > 0) compact(x);
}

/** FT.INFO's percent_indexed: keys visited over the keys there were when the walk began. */
export function percentIndexed(x: Index): f64 {
  if (x.needsScan) return 0;
  if (!x.scanning) return 1;
  return x.scanTotal <= 0 ? 0 : min(x.scanned / x.scanTotal, 0.99);
}
