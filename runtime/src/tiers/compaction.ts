// Reclaiming segment space: a segment whose garbage (records promoted, overwritten or deleted since they
// were written) exceeds the configured share of its bytes has its live records copied to the end of the
// active segment, record by record within the caller's time slice, and is deleted once empty. A record is
// live when its record id still points at this very offset of this segment.
import type { Records } from "./records.js";
import { RECORD_HEADER, type Segment, type SegmentFiles } from "./segments.js";

export class Compactor {
  compactions = 0;
  reclaimedBytes = 0;
  private target: Segment | null = null;
  private cursor = 0;
  /** Live bytes copied out of the target so far: the rest of it is what compaction reclaims. */
  private moved = 0;

  constructor(private readonly files: SegmentFiles, private readonly records: Records, private readonly garbagePercent: () => number) {}

  step(deadline: number): void {
    if (!this.target) this.target = this.choose();
    while (this.target && performance.now() < deadline) {
      const seg = this.target;
      if (this.files.get(seg.id) !== seg) {
        this.finish(seg); // its last live record went away, and the segment with it
        continue;
      }
      if (this.cursor >= seg.used) {
        this.files.remove(seg);
        this.finish(seg);
        continue;
      }
      const [rec, len] = this.files.headerAt(seg, this.cursor);
      const off = this.cursor + RECORD_HEADER;
      if (this.records.isAt(rec, seg.id, off)) {
        const bytes = Buffer.allocUnsafe(len);
        seg.read(off, len, bytes, 0);
        const at = this.files.append(rec, bytes);
        this.records.move(rec, at.seg, at.off);
        this.moved += RECORD_HEADER + len;
        this.files.release(seg.id, len);
      }
      this.cursor = off + len;
    }
  }

  private finish(seg: Segment): void {
    this.reclaimedBytes += seg.used - this.moved;
    this.target = null;
    this.cursor = 0;
    this.moved = 0;
    this.compactions++;
  }

  /** The sealed segment with the largest share of garbage above the threshold. */
  private choose(): Segment | null {
    const ratio = this.garbagePercent() / 100;
    let best: Segment | null = null;
    for (const seg of this.files.all()) {
      if (this.files.isActive(seg) || seg.used === 0 || seg.garbage <= ratio * seg.used) continue;
      if (!best || seg.garbage / seg.used > best.garbage / best.used) best = seg;
    }
    return best;
  }
}
