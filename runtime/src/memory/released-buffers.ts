// Large reply buffers go back to the OS soon after they are dropped, not at V8's next garbage collection.
//
// Why: a Buffer's bytes are malloc'ed outside V8's heap and freed only when the collector finds the
// Buffer unreachable, and V8 collects when JavaScript allocates. A client that asked for 1 GB of replies
// without reading them leaves its queued writes behind when it disconnects; an idle server then
// allocates nothing, no collection runs, and the process kept 1.6 GB of garbage (Redis: 21 MB). So the
// places that drop a large buffer (the reply writer replacing or abandoning one, a queued write
// finishing or cancelled by a close) note its size here, and once enough has been dropped since the
// last collection the server's cron starts one. It is V8's incremental major GC (`execution: "async"`):
// marking runs in small steps between turns, with no stall, and glibc then returns the freed chunks.
import { startIncrementalCollection } from "./collect-garbage.js";

/** Buffers at least this large are counted: the reply writer keeps smaller ones for reuse. */
export const LARGE_BUFFER = 1024 * 1024;
/** Dropped bytes that make a collection worth starting. */
const COLLECT_AFTER = 32 * 1024 * 1024;

export class ReleasedBuffers {
  /** Bytes of large buffers dropped since the last collection started. */
  private dropped = 0;

  /** A buffer of `bytes` is no longer referenced by the server. */
  note(bytes: number): void {
    if (bytes >= LARGE_BUFFER) this.dropped += bytes;
  }

  /** From the cron: starts an incremental collection when enough large buffers were dropped. */
  collectIfDue(): void {
    if (this.dropped < COLLECT_AFTER) return;
    this.dropped = 0;
    startIncrementalCollection();
  }
}
