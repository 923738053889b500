// The files demoted values live in. A segment is an append-only file of records — u32 record id, u32
// length, then the value's serialized bytes — written once and never changed in place. The segment being
// filled and the recently filled ones are memory-mapped (the warm tier: a read is a memcpy from the page
// cache); older ones are unmapped and read with plain positioned reads (the cold tier). Turning a warm
// segment cold moves no bytes: the coldest values were demoted first, so whole segments age together.
// Space freed by promotions, overwrites and deletes is garbage, reclaimed by compaction (compaction.ts).
import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, readdirSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type mmapModule from "@riaskov/mmap-io";
import { log } from "../log.js";

// The addon itself, not the package's entry point: that one finds the addon through node-pre-gyp relative
// to the working directory, which the server changes to `dir`. Without it (not built on this machine)
// there is no warm tier: segments are written and read with plain file I/O, i.e. demoted values go cold.
const mmap = loadMmap();

function loadMmap(): typeof mmapModule.default | null {
  try {
    return createRequire(import.meta.url)("@riaskov/mmap-io/build/Release/mmap_io.node") as typeof mmapModule.default;
  } catch (e) {
    log("warning", `memory-mapped segments unavailable (${(e as Error).message.split("\n")[0]}): demoted values go to the cold tier`);
    return null;
  }
}

export const WARM = 1;
export const COLD = 2;
export const RECORD_HEADER = 8;

export class Segment {
  /** Append offset: bytes written so far. */
  used = 0;
  /** Bytes of records still referenced (headers included); the rest of `used` is garbage. */
  live = 0;
  liveRecords = 0;
  /** The mapping while warm; null once cold. */
  map: Buffer | null;

  constructor(readonly id: number, readonly path: string, readonly fd: number, readonly capacity: number) {
    this.map = mmap ? mmap.map(capacity, 3 /* PROT_READ | PROT_WRITE */, mmap.MAP_SHARED, fd, 0, mmap.MADV_RANDOM) : null;
  }

  get tier(): number {
    return this.map ? WARM : COLD;
  }

  get garbage(): number {
    return this.used - this.live;
  }

  /** Copy `len` bytes at `off` into `dst` at `dstOff`. */
  read(off: number, len: number, dst: Uint8Array, dstOff: number): void {
    if (this.map) dst.set(this.map.subarray(off, off + len), dstOff);
    else readSync(this.fd, dst, dstOff, len, off);
  }
}

/** Every segment of the server, by id, and the one new records are appended to. */
export class SegmentFiles {
  private readonly segments: (Segment | undefined)[] = [];
  private active: Segment | null = null;
  private dirReady = false;
  private readonly header = Buffer.alloc(RECORD_HEADER);
  warmBytes = 0;
  coldBytes = 0;

  constructor(private readonly dir: () => string, private readonly segmentSize: () => number) {}

  get(id: number): Segment {
    return this.segments[id]!;
  }

  all(): Segment[] {
    return this.segments.filter((s): s is Segment => s !== undefined);
  }

  isActive(seg: Segment): boolean {
    return seg === this.active;
  }

  /** Append a record; returns its segment id and the offset of its bytes (after the header). */
  append(recordId: number, bytes: Uint8Array): { seg: number; off: number } {
    const need = RECORD_HEADER + bytes.length;
    let seg = this.active;
    if (!seg || seg.used + need > seg.capacity) seg = this.active = this.create(Math.max(this.segmentSize(), need));
    this.header.writeUInt32LE(recordId, 0);
    this.header.writeUInt32LE(bytes.length, 4);
    if (seg.map) {
      seg.map.set(this.header, seg.used);
      seg.map.set(bytes, seg.used + RECORD_HEADER);
      this.warmBytes += need;
    } else {
      writeSync(seg.fd, this.header, 0, RECORD_HEADER, seg.used);
      writeSync(seg.fd, bytes, 0, bytes.length, seg.used + RECORD_HEADER);
      this.coldBytes += need;
    }
    const off = seg.used + RECORD_HEADER;
    seg.used += need;
    seg.live += need;
    seg.liveRecords++;
    return { seg: seg.id, off };
  }

  /** A record's bytes are no longer referenced; a segment left with none is deleted. */
  release(segId: number, len: number): void {
    const seg = this.segments[segId]!;
    seg.live -= RECORD_HEADER + len;
    seg.liveRecords--;
    if (seg.liveRecords === 0) this.remove(seg);
  }

  /** The record header at `off` in `seg`: [record id, length]. */
  headerAt(seg: Segment, off: number): [number, number] {
    seg.read(off, RECORD_HEADER, this.header, 0);
    return [this.header.readUInt32LE(0), this.header.readUInt32LE(4)];
  }

  /** Unmap the oldest warm segment (the one being filled last): its records become cold. False when none is warm. */
  coolOldest(): boolean {
    const seg = this.segments.find((s) => s && s.map && s !== this.active) ?? (this.active?.map ? this.active : undefined);
    if (!seg) return false;
    if (seg === this.active) this.active = null;
    // The mapping goes with the garbage collector; the file is cut to what was written.
    seg.map = null;
    ftruncateSync(seg.fd, seg.used);
    this.warmBytes -= seg.used;
    this.coldBytes += seg.used;
    return true;
  }

  remove(seg: Segment): void {
    if (seg === this.active) this.active = null;
    if (seg.map) this.warmBytes -= seg.used;
    else this.coldBytes -= seg.used;
    seg.map = null;
    this.segments[seg.id] = undefined;
    closeSync(seg.fd);
    rmSync(seg.path, { force: true });
  }

  /** Close the active segment so compaction never copies records into the segment it is emptying. */
  seal(): void {
    const seg = this.active;
    this.active = null;
    if (seg && seg.liveRecords === 0) this.remove(seg);
  }

  private create(capacity: number): Segment {
    const dir = this.dir();
    if (!this.dirReady) {
      // Segments are scratch space: values survive restarts through persistence, never through these
      // files, so a dead server's segments are removed (another live server may share the directory).
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(dir)) if (f.endsWith(".seg") && !processAlive(Number(f.split("-")[0]))) rmSync(join(dir, f), { force: true });
      this.dirReady = true;
    }
    let id = this.segments.indexOf(undefined);
    if (id < 0) id = this.segments.length;
    const path = join(dir, `${process.pid}-${id}.seg`);
    const fd = openSync(path, "w+");
    ftruncateSync(fd, capacity);
    const seg = new Segment(id, path, fd, capacity);
    this.segments[id] = seg;
    return seg;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
